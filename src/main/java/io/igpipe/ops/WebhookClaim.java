package io.igpipe.ops;

import java.time.OffsetDateTime;

/** The parameters of one claim of due deliveries, read by camel-sql as {@code ${variable.claim.*}}. */
public final class WebhookClaim {

    private final String instanceId;
    private final String token;
    private final OffsetDateTime now;
    private final OffsetDateTime leaseUntil;
    private final int batchSize;

    WebhookClaim(String instanceId, String token, OffsetDateTime now, OffsetDateTime leaseUntil, int batchSize) {
        this.instanceId = instanceId;
        this.token = token;
        this.now = now;
        this.leaseUntil = leaseUntil;
        this.batchSize = batchSize;
    }

    public String getInstanceId() { return instanceId; }
    public String getToken() { return token; }
    public OffsetDateTime getNow() { return now; }
    public OffsetDateTime getLeaseUntil() { return leaseUntil; }
    /** How many deliveries this claim may take: the senders that are free right now. */
    public int getBatchSize() { return batchSize; }
}
