UPDATE account_state SET token_refreshed_at = :now, updated_at = :now WHERE account = :account
