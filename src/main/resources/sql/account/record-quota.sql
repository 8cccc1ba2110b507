UPDATE account_state
   SET quota_used = :used, quota_total = :total, quota_window_seconds = :windowSeconds, quota_checked_at = :now,
       updated_at = :now
 WHERE account = :account
