-- No container creation or media_publish for the account until :until (its publishing quota is spent).
UPDATE account_state
   SET publish_hold_until = CASE WHEN publish_hold_until IS NULL OR publish_hold_until < :until
                                 THEN :until ELSE publish_hold_until END,
       updated_at = :now
 WHERE account = :account
