-- API keys of the HTTP API (/api/v1). The key itself is never stored: only its SHA-256 (keys are 256-bit random
-- values, so a fast hash is enough) and a short, non-secret display id to tell keys apart in listings and logs.
CREATE TABLE api_key (
    id            VARCHAR(36)   NOT NULL PRIMARY KEY,
    -- Shown by "api-key list" and accepted by "api-key revoke": igp_ + 8 characters, not part of the secret.
    display_id    VARCHAR(40)   NOT NULL,
    name          VARCHAR(100)  NOT NULL,
    key_sha256    VARCHAR(64)   NOT NULL,
    -- COMMAND (api-key create) or BOOTSTRAP (igpipe.api.bootstrap-key, recorded at start-up)
    origin        VARCHAR(20)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- A revoked key answers 401 exactly like an unknown one; the row stays so its posts keep their api_key_id.
    revoked_at    TIMESTAMP WITH TIME ZONE
);

CREATE UNIQUE INDEX api_key_by_hash ON api_key (key_sha256);
CREATE UNIQUE INDEX api_key_by_display_id ON api_key (display_id);
