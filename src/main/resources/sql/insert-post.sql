-- A new post, as recorded by ingestion. The unique index on (account, active_content_hash) makes a
-- second live post of the same content fail here, even when two instances ingest it at once.
INSERT INTO post (id, account, origin, media_type, state, original_name, original_path, sidecar_path,
                  content_hash, active_content_hash, caption, alt_text, location_id, user_tags,
                  attempts, container_polls, container_builds, received_at, updated_at, next_attempt_at)
VALUES (:#${variable.post.id}, :#${variable.post.account}, :#${variable.post.origin}, :#${variable.post.mediaType},
        :#${variable.post.state}, :#${variable.post.originalName}, :#${variable.post.originalPath},
        :#${variable.post.sidecarPath}, :#${variable.post.contentHash}, :#${variable.post.activeContentHash},
        :#${variable.post.caption}, :#${variable.post.altText}, :#${variable.post.locationId},
        :#${variable.post.userTags}, 0, 0, 0, :#${variable.post.receivedAt}, :#${variable.post.updatedAt},
        :#${variable.post.nextAttemptAt})
