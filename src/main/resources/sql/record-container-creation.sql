-- Every container created counts toward the account's 400 per rolling 24 h.
INSERT INTO container_creation (container_id, account, post_id, created_at)
VALUES (:#${variable.post.containerId}, :#${variable.post.account}, :#${variable.post.id}, :#${variable.post.containerCreatedAt})
