-- Containers the account created inside the rolling window, and the oldest of them (a slot frees when it ages out).
SELECT COUNT(*) AS created, MIN(created_at) AS oldest
  FROM container_creation
 WHERE account = :account AND created_at > :windowStart
