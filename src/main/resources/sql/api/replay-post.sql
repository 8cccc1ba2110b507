-- Puts a dead-lettered post back into the pipeline at :state, in one guarded write: the dispatcher claims it
-- at once (next_attempt_at = now). It takes its content back (active_content_hash): if another live post of
-- the account holds the same content, the unique index refuses this update and nothing changes.
-- A post re-entering at PUBLISHING keeps its container, whose status is read before anything else.
UPDATE post
   SET state = :state,
       active_content_hash = content_hash,
       attempts = 0,
       container_polls = 0,
       container_builds = 0,
       container_id = CASE WHEN :state = 'PUBLISHING' THEN container_id ELSE NULL END,
       media_retries = 0,
       replays = replays + 1,
       error_code = NULL,
       error_message = NULL,
       error_detail = NULL,
       failed_stage = NULL,
       error_category = NULL,
       graph_code = NULL,
       graph_subcode = NULL,
       fbtrace_id = NULL,
       wait_reason = NULL,
       failed_at = NULL,
       archived_at = NULL,
       archived_original_path = NULL,
       archived_sidecar_path = NULL,
       lease_owner = NULL,
       lease_token = NULL,
       lease_until = NULL,
       next_attempt_at = :now,
       updated_at = :now
 WHERE id = :id
   AND state = 'FAILED'
   AND discarded_at IS NULL
   AND lease_token = :token
