-- Every Instagram post type, from the watch folder or the HTTP API, and posts scheduled for later.
--   post_type: IMAGE (feed photo), CAROUSEL, REELS, STORIES. media_type stays the kind of a single-media post
--   (IMAGE or VIDEO); a carousel's items are rows of post_item.
ALTER TABLE post ADD COLUMN post_type VARCHAR(20) DEFAULT 'IMAGE' NOT NULL;
-- Not published before this instant; the post waits in the ledger (next_attempt_at), not in memory.
ALTER TABLE post ADD COLUMN publish_at TIMESTAMP WITH TIME ZONE;
-- JSON array of Instagram usernames (at most 3), on the parent of a carousel.
ALTER TABLE post ADD COLUMN collaborators VARCHAR(1000);
ALTER TABLE post ADD COLUMN share_to_feed BOOLEAN;
-- Reels: the frame used as cover when no cover image is given, in milliseconds into the video.
ALTER TABLE post ADD COLUMN thumb_offset_ms BIGINT;
-- Reels: an optional cover image, as received and as optimized (a JPEG served under /media/).
ALTER TABLE post ADD COLUMN cover_original_path VARCHAR(4000);
ALTER TABLE post ADD COLUMN cover_prepared_path VARCHAR(4000);
-- Video sent with upload_type=resumable: where the bytes go, until Instagram has accepted them.
ALTER TABLE post ADD COLUMN upload_uri VARCHAR(2000);
ALTER TABLE post ADD COLUMN uploaded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE post ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
-- Deleted from Instagram after it was published (through DELETE /api/v1/posts/{id}).
ALTER TABLE post ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
-- The API key that submitted the post and the Idempotency-Key it came with: the same key never makes a
-- second post (NULLs are distinct, so watch-folder posts are not constrained).
ALTER TABLE post ADD COLUMN api_key_id VARCHAR(36);
ALTER TABLE post ADD COLUMN idempotency_key VARCHAR(255);
ALTER TABLE post ADD COLUMN request_fingerprint VARCHAR(64);

CREATE UNIQUE INDEX post_one_post_per_idempotency_key ON post (api_key_id, idempotency_key);
CREATE INDEX post_by_account_received ON post (account, received_at);
CREATE INDEX post_scheduled ON post (account, publish_at);

-- The items of a carousel, in order. Each is prepared and gets its own child container; a child that fails
-- is rebuilt alone (container_builds), the others keep theirs.
CREATE TABLE post_item (
    post_id               VARCHAR(36)    NOT NULL,
    position              INTEGER        NOT NULL,
    -- IMAGE or VIDEO
    media_type            VARCHAR(10)    NOT NULL,
    original_name         VARCHAR(500)   NOT NULL,
    original_path         VARCHAR(4000)  NOT NULL,
    content_hash          VARCHAR(64)    NOT NULL,
    alt_text              VARCHAR(2000),
    user_tags             VARCHAR(10000),
    prepared_path         VARCHAR(4000),
    prepared_width        INTEGER,
    prepared_height       INTEGER,
    prepared_bytes        BIGINT,
    container_id          VARCHAR(64),
    container_status      VARCHAR(20),
    container_builds      INTEGER        DEFAULT 0 NOT NULL,
    container_polls       INTEGER        DEFAULT 0 NOT NULL,
    container_created_at  TIMESTAMP WITH TIME ZONE,
    container_finished_at TIMESTAMP WITH TIME ZONE,
    upload_uri            VARCHAR(2000),
    uploaded_at           TIMESTAMP WITH TIME ZONE,
    error_code            VARCHAR(64),
    error_message         VARCHAR(4000),
    PRIMARY KEY (post_id, position),
    CONSTRAINT post_item_of_post FOREIGN KEY (post_id) REFERENCES post (id) ON DELETE CASCADE
);
