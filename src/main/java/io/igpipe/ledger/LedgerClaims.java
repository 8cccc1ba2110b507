package io.igpipe.ledger;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.igpipe.IgpipeProperties;
import org.springframework.stereotype.Component;

/** Makes the parameters of one claim of due posts: who claims, with which token, until when. */
@Component("ledgerClaims")
public class LedgerClaims {

    private final PostLifecycle lifecycle;
    private final IgpipeProperties properties;

    public LedgerClaims(PostLifecycle lifecycle, IgpipeProperties properties) {
        this.lifecycle = lifecycle;
        this.properties = properties;
    }

    public Claim newClaim() {
        OffsetDateTime now = lifecycle.now();
        return new Claim(properties.getInstanceId(), UUID.randomUUID().toString(), now,
                now.plus(properties.getPipeline().getLeaseDuration()), properties.getPipeline().getBatchSize());
    }

    public String instanceId() {
        return properties.getInstanceId();
    }

    /**
     * A bean with getters so camel-sql parameters can read it ({@code ${variable.claim.token}}). Every leased table
     * (posts, webhook deliveries) is claimed with one.
     */
    public static final class Claim {
        private final String instanceId;
        private final String token;
        private final OffsetDateTime now;
        private final OffsetDateTime leaseUntil;
        private final int batchSize;

        public Claim(String instanceId, String token, OffsetDateTime now, OffsetDateTime leaseUntil, int batchSize) {
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
        public int getBatchSize() { return batchSize; }
    }
}
