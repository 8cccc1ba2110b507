-- A carousel child counts toward the account's 400 containers per rolling 24 h like any container.
INSERT INTO container_creation (container_id, account, post_id, created_at)
VALUES (:containerId, :account, :postId, :createdAt)
