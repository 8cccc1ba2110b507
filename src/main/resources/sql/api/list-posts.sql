-- GET /api/v1/posts: newest first, keyset-paginated on (received_at, id), so a page never skips or repeats a post
-- while new ones arrive. :cursorAt/:cursorId are the last post of the previous page (NULL on the first page);
-- :status and :account NULL mean any. :limit is one more than the page size, to tell whether a next page exists.
SELECT * FROM post
 WHERE (CAST(:status AS VARCHAR(20)) IS NULL OR state = :status)
   AND (CAST(:account AS VARCHAR(100)) IS NULL OR account = :account)
   AND (CAST(:cursorAt AS TIMESTAMP WITH TIME ZONE) IS NULL
        OR received_at < :cursorAt
        OR (received_at = :cursorAt AND id < :cursorId))
 ORDER BY received_at DESC, id DESC
 LIMIT :limit
