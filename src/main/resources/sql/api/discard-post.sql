-- Gives up on a dead-lettered post for good: it leaves the dead-letter store and can no longer be replayed.
-- Its files stay in .failed/. Refused while a replay holds the post.
UPDATE post
   SET discarded_at = :now, updated_at = :now
 WHERE id = :id
   AND state = 'FAILED'
   AND discarded_at IS NULL
   AND archived_at IS NOT NULL
   AND (lease_until IS NULL OR lease_until < :now)
