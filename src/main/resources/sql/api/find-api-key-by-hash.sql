-- The key presented in "Authorization: Bearer", found by its SHA-256; revoked keys are returned too, so the caller
-- refuses them with the very same answer as an unknown key.
SELECT id, display_id, name, key_sha256, origin, created_at, revoked_at FROM api_key WHERE key_sha256 = :keySha256
