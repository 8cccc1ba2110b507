-- Revokes a key named by its display id or its id; a key already revoked keeps its first revocation time.
UPDATE api_key SET revoked_at = :now
 WHERE (display_id = :key OR id = :key)
   AND revoked_at IS NULL
