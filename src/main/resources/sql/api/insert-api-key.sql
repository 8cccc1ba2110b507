-- A new API key: its SHA-256 and display id only, never the key.
INSERT INTO api_key (id, display_id, name, key_sha256, origin, created_at)
VALUES (:id, :displayId, :name, :keySha256, :origin, :now)
