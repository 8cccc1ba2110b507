-- Posts not yet finished that wait for something, by what they wait for.
SELECT wait_reason AS reason, COUNT(*) AS posts
  FROM post
 WHERE archived_at IS NULL AND wait_reason IS NOT NULL AND next_attempt_at > :now
 GROUP BY wait_reason
