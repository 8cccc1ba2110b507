SELECT * FROM account_state ORDER BY account
