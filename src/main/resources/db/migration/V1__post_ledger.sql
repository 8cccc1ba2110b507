-- One row per post. The pipeline never keeps work in memory: a worker claims due rows with a lease
-- (lease_owner/lease_token/lease_until), advances them one stage and records the result, so a crash,
-- a restart or several instances sharing one database resume from here.
CREATE TABLE post (
    id                    VARCHAR(36)    NOT NULL PRIMARY KEY,
    account               VARCHAR(100)   NOT NULL,
    origin                VARCHAR(20)    NOT NULL,
    media_type            VARCHAR(20)    NOT NULL,
    state                 VARCHAR(20)    NOT NULL,
    original_name         VARCHAR(500)   NOT NULL,
    original_path         VARCHAR(4000)  NOT NULL,
    sidecar_path          VARCHAR(4000),
    content_hash          VARCHAR(64)    NOT NULL,
    -- equals content_hash while the post may still be (or has been) published; cleared when it fails,
    -- so the unique index below forbids a second live post of the same content for an account.
    active_content_hash   VARCHAR(64),
    caption               VARCHAR(10000),
    alt_text              VARCHAR(2000),
    location_id           VARCHAR(64),
    user_tags             VARCHAR(10000),
    attempts              INTEGER        DEFAULT 0 NOT NULL,
    container_polls       INTEGER        DEFAULT 0 NOT NULL,
    container_builds      INTEGER        DEFAULT 0 NOT NULL,
    container_id          VARCHAR(64),
    media_id              VARCHAR(64),
    prepared_path         VARCHAR(4000),
    prepared_width        INTEGER,
    prepared_height       INTEGER,
    prepared_bytes        BIGINT,
    error_code            VARCHAR(64),
    error_message         VARCHAR(4000),
    error_detail          VARCHAR(20000),
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    prepared_at           TIMESTAMP WITH TIME ZONE,
    container_created_at  TIMESTAMP WITH TIME ZONE,
    container_finished_at TIMESTAMP WITH TIME ZONE,
    publish_started_at    TIMESTAMP WITH TIME ZONE,
    published_at          TIMESTAMP WITH TIME ZONE,
    failed_at             TIMESTAMP WITH TIME ZONE,
    archived_at           TIMESTAMP WITH TIME ZONE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner           VARCHAR(200),
    lease_token           VARCHAR(36),
    lease_until           TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX post_one_live_post_per_content ON post (account, active_content_hash);
CREATE INDEX post_due ON post (archived_at, next_attempt_at);
CREATE INDEX post_by_state ON post (state, account);
