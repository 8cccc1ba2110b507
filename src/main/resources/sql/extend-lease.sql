-- Keeps a claimed post this worker's for a long step (a video transcode can outlast the normal lease), so no other
-- worker claims it meanwhile. Only the lease holder can extend it, and never shortens it.
UPDATE post
   SET lease_until = :until
 WHERE id = :id
   AND lease_token = :token
   AND lease_until < :until
