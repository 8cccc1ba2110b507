-- No Graph call for the account until :until; a longer hold already in place is kept.
UPDATE account_state
   SET hold_until = CASE WHEN hold_until IS NULL OR hold_until < :until THEN :until ELSE hold_until END,
       hold_reason = CASE WHEN hold_until IS NULL OR hold_until < :until THEN :reason ELSE hold_reason END,
       updated_at = :now
 WHERE account = :account
