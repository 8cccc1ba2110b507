UPDATE account_state
   SET paused_at = NULL, pause_code = NULL, pause_reason = NULL, paused_token_sha256 = NULL,
       next_token_check_at = NULL, updated_at = :now
 WHERE account = :account
