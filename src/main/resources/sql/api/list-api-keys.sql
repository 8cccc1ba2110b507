-- Every API key, oldest first, for "api-key list". No hash leaves the database.
SELECT id, display_id, name, origin, created_at, revoked_at FROM api_key ORDER BY created_at, display_id
