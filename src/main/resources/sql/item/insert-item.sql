-- One carousel item, recorded with its post in one transaction.
INSERT INTO post_item (post_id, position, media_type, original_name, original_path, content_hash, alt_text, user_tags,
                       container_builds, container_polls)
VALUES (:postId, :position, :mediaType, :originalName, :originalPath, :contentHash, :altText, :userTags, 0, 0)
