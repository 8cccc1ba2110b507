-- Instagram confirmed the deletion of a published post: it is no longer live, so its content is released too.
UPDATE post
   SET state = 'DELETED',
       deleted_at = :now,
       active_content_hash = NULL,
       updated_at = :now
 WHERE id = :id
   AND state = 'PUBLISHED'
