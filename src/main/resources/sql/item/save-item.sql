-- Records an item's preparation and child container. Only the worker holding the post's lease writes here
-- (the caller saves the post, lease-guarded, right after).
UPDATE post_item
   SET original_path = :originalPath,
       prepared_path = :preparedPath,
       prepared_width = :preparedWidth,
       prepared_height = :preparedHeight,
       prepared_bytes = :preparedBytes,
       container_id = :containerId,
       container_status = :containerStatus,
       container_builds = :containerBuilds,
       container_polls = :containerPolls,
       container_created_at = :containerCreatedAt,
       container_finished_at = :containerFinishedAt,
       upload_uri = :uploadUri,
       uploaded_at = :uploadedAt,
       error_code = :errorCode,
       error_message = :errorMessage
 WHERE post_id = :postId
   AND position = :position
