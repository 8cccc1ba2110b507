-- Outbound webhooks: an outbox of deliveries, one row per (event, endpoint). Recording an event only inserts
-- rows; the webhooks route claims due rows with a lease (like the post table, so several instances can share
-- the database) and POSTs them. A row is never deleted: delivered_at or given_up_at closes it.
CREATE TABLE webhook_delivery (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    -- igpipe.webhooks.endpoints[].name; the URL and secret are read from the configuration at send time
    endpoint         VARCHAR(100)   NOT NULL,
    -- post.published, post.failed, account.paused
    event_type       VARCHAR(40)    NOT NULL,
    -- the same event sent to several endpoints shares this id; it never changes across retries
    event_id         VARCHAR(36)    NOT NULL,
    -- the JSON body exactly as sent (and signed)
    payload          VARCHAR(20000) NOT NULL,
    attempts         INTEGER        DEFAULT 0 NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner      VARCHAR(200),
    lease_token      VARCHAR(36),
    lease_until      TIMESTAMP WITH TIME ZONE,
    -- HTTP status of the last answer; NULL when the last attempt got none (connection refused, timeout)
    last_status      INTEGER,
    last_error       VARCHAR(2000),
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    given_up_at      TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE UNIQUE INDEX webhook_delivery_once_per_endpoint ON webhook_delivery (event_id, endpoint);
CREATE INDEX webhook_delivery_due ON webhook_delivery (delivered_at, given_up_at, next_attempt_at);
