-- Failure routing: what a dead-lettered post needs to be understood and replayed, why a waiting post waits,
-- and per-account state (paused for its token, held for a rate limit or the publishing quota) that every
-- instance sharing this database must see.
ALTER TABLE post ADD COLUMN failed_stage VARCHAR(40);
ALTER TABLE post ADD COLUMN error_category VARCHAR(20);
ALTER TABLE post ADD COLUMN graph_code INTEGER;
ALTER TABLE post ADD COLUMN graph_subcode INTEGER;
ALTER TABLE post ADD COLUMN fbtrace_id VARCHAR(200);
-- Why a post that is not due yet waits: RATE_LIMIT, PUBLISH_QUOTA, ACCOUNT_PAUSED, BREAKER_OPEN, CONTAINER_CAP,
-- BACKOFF, CONTAINER_PROCESSING. NULL while it is due or done.
ALTER TABLE post ADD COLUMN wait_reason VARCHAR(30);
-- STANDARD, or STRICT after Instagram refused the media once.
ALTER TABLE post ADD COLUMN optimization_profile VARCHAR(20) DEFAULT 'STANDARD' NOT NULL;
ALTER TABLE post ADD COLUMN media_retries INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE post ADD COLUMN replays INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE post ADD COLUMN archived_original_path VARCHAR(4000);
ALTER TABLE post ADD COLUMN archived_sidecar_path VARCHAR(4000);
ALTER TABLE post ADD COLUMN discarded_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX post_dead_letters ON post (state, discarded_at);

-- One row per account, created on first need. Its posts are not claimed while it is paused or held.
CREATE TABLE account_state (
    account               VARCHAR(100)  NOT NULL PRIMARY KEY,
    -- Paused: the token (or a permission) is not usable. Cleared when a token check succeeds.
    paused_at             TIMESTAMP WITH TIME ZONE,
    pause_code            VARCHAR(64),
    pause_reason          VARCHAR(4000),
    -- SHA-256 of the token that failed, never the token: a different configured token is checked at once.
    paused_token_sha256   VARCHAR(64),
    next_token_check_at   TIMESTAMP WITH TIME ZONE,
    -- No Graph call for this account before hold_until (rate limit or slow-down).
    hold_until            TIMESTAMP WITH TIME ZONE,
    hold_reason           VARCHAR(4000),
    -- No container creation or media_publish before publish_hold_until (publishing quota spent).
    publish_hold_until    TIMESTAMP WITH TIME ZONE,
    usage_percent         INTEGER,
    quota_used            INTEGER,
    quota_total           INTEGER,
    quota_window_seconds  BIGINT,
    quota_checked_at      TIMESTAMP WITH TIME ZONE,
    token_refreshed_at    TIMESTAMP WITH TIME ZONE,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every container created, so an account stays under Instagram's 400 creations per rolling 24 h.
CREATE TABLE container_creation (
    container_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
    account       VARCHAR(100)  NOT NULL,
    post_id       VARCHAR(36)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX container_creation_window ON container_creation (account, created_at);
