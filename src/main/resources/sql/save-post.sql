-- Records a stage's outcome. Guarded by the lease token: a worker whose lease has expired (and whose
-- post another worker may have claimed since) must not overwrite the newer state.
UPDATE post
   SET state = :#${variable.post.state},
       active_content_hash = :#${variable.post.activeContentHash},
       attempts = :#${variable.post.attempts},
       container_polls = :#${variable.post.containerPolls},
       container_builds = :#${variable.post.containerBuilds},
       container_id = :#${variable.post.containerId},
       media_id = :#${variable.post.mediaId},
       original_path = :#${variable.post.originalPath},
       sidecar_path = :#${variable.post.sidecarPath},
       prepared_path = :#${variable.post.preparedPath},
       prepared_width = :#${variable.post.preparedWidth},
       prepared_height = :#${variable.post.preparedHeight},
       prepared_bytes = :#${variable.post.preparedBytes},
       error_code = :#${variable.post.errorCode},
       error_message = :#${variable.post.errorMessage},
       error_detail = :#${variable.post.errorDetail},
       prepared_at = :#${variable.post.preparedAt},
       container_created_at = :#${variable.post.containerCreatedAt},
       container_finished_at = :#${variable.post.containerFinishedAt},
       publish_started_at = :#${variable.post.publishStartedAt},
       published_at = :#${variable.post.publishedAt},
       failed_at = :#${variable.post.failedAt},
       archived_at = :#${variable.post.archivedAt},
       updated_at = :#${variable.post.updatedAt},
       next_attempt_at = :#${variable.post.nextAttemptAt}
 WHERE id = :#${variable.post.id}
   AND lease_token = :#${variable.post.leaseToken}
