-- Takes a dead-lettered post for a replay, like the dispatcher takes due posts: with a lease, so two replays
-- (or a replay and a discard) of one post never move its files at the same time. Only a post already filed
-- into .failed/ (archived_at set) qualifies; a crashed replay's lease expires or is freed at start-up.
UPDATE post
   SET lease_owner = :owner, lease_token = :token, lease_until = :leaseUntil
 WHERE id = :id
   AND state = 'FAILED'
   AND discarded_at IS NULL
   AND archived_at IS NOT NULL
   AND (lease_until IS NULL OR lease_until < :now)
