-- A new post, as recorded by ingestion (watch folder or API). The unique index on (account, active_content_hash)
-- makes a second live post of the same content fail here, even when two instances ingest it at once; the one on
-- (api_key_id, idempotency_key) does the same for a repeated API request.
INSERT INTO post (id, account, origin, post_type, media_type, state, original_name, original_path, sidecar_path,
                  content_hash, active_content_hash, caption, alt_text, location_id, user_tags, collaborators,
                  share_to_feed, thumb_offset_ms, cover_original_path, publish_at, api_key_id, idempotency_key,
                  request_fingerprint, attempts, container_polls, container_builds, received_at, updated_at,
                  next_attempt_at)
VALUES (:id, :account, :origin, :postType, :mediaType, :state, :originalName, :originalPath, :sidecarPath,
        :contentHash, :activeContentHash, :caption, :altText, :locationId, :userTags, :collaborators,
        :shareToFeed, :thumbOffsetMs, :coverOriginalPath, :publishAt, :apiKeyId, :idempotencyKey,
        :requestFingerprint, 0, 0, 0, :receivedAt, :updatedAt, :nextAttemptAt)
