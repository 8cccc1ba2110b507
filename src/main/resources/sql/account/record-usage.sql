UPDATE account_state SET usage_percent = :percent, updated_at = :now WHERE account = :account
