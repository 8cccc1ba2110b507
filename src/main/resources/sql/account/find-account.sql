SELECT * FROM account_state WHERE account = :account
