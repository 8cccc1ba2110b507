-- The account can publish again: its posts that waited for it are due now.
UPDATE post SET next_attempt_at = :now, wait_reason = NULL
 WHERE account = :account AND archived_at IS NULL AND wait_reason = :reason
