-- Gives a configured account its state row (once; a second instance racing here hits the primary key).
INSERT INTO account_state (account, updated_at)
SELECT :account, :now
 WHERE NOT EXISTS (SELECT 1 FROM account_state WHERE account = :account)
