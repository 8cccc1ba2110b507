-- The post (if any) that already holds this content for this account: published, or still on its way.
SELECT * FROM post
 WHERE account = :#${variable.post.account}
   AND active_content_hash = :#${variable.post.contentHash}
