-- The account's oldest publish still inside the quota window: a slot frees when it ages out.
SELECT MIN(published_at) AS "oldest"
  FROM post
 WHERE account = :#${variable.post.account}
   AND published_at > :#${variable.quotaWindowStart}
