SELECT * FROM post WHERE api_key_id = :apiKeyId AND idempotency_key = :idempotencyKey
