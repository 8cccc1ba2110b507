-- The dead-letter store: posts that failed for good and were not discarded, newest failure first.
-- :account NULL lists every account.
SELECT * FROM post
 WHERE state = 'FAILED'
   AND discarded_at IS NULL
   AND (CAST(:account AS VARCHAR(100)) IS NULL OR account = :account)
 ORDER BY failed_at DESC, id
