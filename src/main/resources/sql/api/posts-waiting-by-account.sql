-- Posts of each account still on their way to Instagram (scheduled ones included), for GET /api/v1/accounts.
SELECT account, COUNT(*) AS waiting FROM post
 WHERE state IN ('RECEIVED', 'PREPARED', 'CONTAINER_CREATED', 'PUBLISHING')
 GROUP BY account
