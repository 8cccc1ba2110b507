UPDATE account_state SET next_token_check_at = :nextCheck, updated_at = :now WHERE account = :account
