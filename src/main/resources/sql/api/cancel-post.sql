-- DELETE /api/v1/posts/{id} before publishing, in one guarded write: only while no worker holds the post (its
-- lease is free or expired) and it has not reached media_publish. The content is released (active_content_hash),
-- so the same photo can be submitted again; the pipeline sets the files aside when it next sees the post.
UPDATE post
   SET state = 'CANCELLED',
       cancelled_at = :now,
       active_content_hash = NULL,
       wait_reason = NULL,
       next_attempt_at = :now,
       updated_at = :now
 WHERE id = :id
   AND state IN ('RECEIVED', 'PREPARED', 'CONTAINER_CREATED', 'FAILED')
   AND (lease_until IS NULL OR lease_until < :now)
