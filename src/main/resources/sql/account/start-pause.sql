-- Pauses an account that is not paused yet. Only this statement turns paused_at from NULL into a time, so of
-- several posts failing on the same token at once exactly one learns it paused the account (and says so).
UPDATE account_state
   SET paused_at = :now,
       pause_code = :code,
       pause_reason = :reason,
       paused_token_sha256 = :tokenSha256,
       next_token_check_at = :nextCheck,
       updated_at = :now
 WHERE account = :account
   AND paused_at IS NULL
