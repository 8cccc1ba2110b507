-- Pauses an account; the first reason is kept while it stays paused, so a burst of failing posts does not
-- overwrite why it was paused.
UPDATE account_state
   SET paused_at = COALESCE(paused_at, :now),
       pause_code = CASE WHEN paused_at IS NULL THEN :code ELSE pause_code END,
       pause_reason = CASE WHEN paused_at IS NULL THEN :reason ELSE pause_reason END,
       paused_token_sha256 = :tokenSha256,
       next_token_check_at = :nextCheck,
       updated_at = :now
 WHERE account = :account
