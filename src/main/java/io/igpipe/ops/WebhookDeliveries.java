package io.igpipe.ops;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicLong;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.LedgerClaims;
import io.igpipe.ledger.SqlFiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.EmptySqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Java side of {@code routes/webhooks.camel.yaml}: sizes each claim to the free senders, signs each request,
 * turns each answer (or its absence) into the outcome the outbox records, and counts outcomes.
 */
@Component("webhookDeliveries")
public class WebhookDeliveries {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);
    private static final int MAX_ERROR_LENGTH = 2000;
    private static final int MAX_ANSWER_EXCERPT = 300;

    private final WebhookProperties properties;
    private final WebhookRetryPolicy retryPolicy;
    private final String instanceId;
    private final Clock clock;
    private final ThreadPoolExecutor senders;
    private final NamedParameterJdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> pendingByEndpoint = new ConcurrentHashMap<>();

    public WebhookDeliveries(WebhookProperties properties, IgpipeProperties igpipe, Clock clock,
            @Qualifier("webhookSenders") ThreadPoolExecutor senders, NamedParameterJdbcTemplate jdbc,
            MeterRegistry meters) {
        this.properties = properties;
        this.retryPolicy = new WebhookRetryPolicy(properties);
        this.instanceId = igpipe.getInstanceId();
        this.clock = clock;
        this.senders = senders;
        this.jdbc = jdbc;
        this.meters = meters;
        for (WebhookProperties.Endpoint endpoint : properties.getEndpoints()) {
            AtomicLong pending = pendingByEndpoint.computeIfAbsent(endpoint.getName(), name -> new AtomicLong());
            Gauge.builder("igpipe.webhook.deliveries.pending", pending, AtomicLong::doubleValue)
                    .description("Webhook deliveries neither delivered nor given up")
                    .tag("endpoint", endpoint.getName())
                    .register(meters);
        }
    }

    /**
     * Claims no more than the senders can start now: a delivery claimed but queued behind slow receivers would
     * only burn its lease, while left in the outbox another instance (or the next tick) can take it.
     */
    public LedgerClaims.Claim newClaim() {
        int busy = senders.getActiveCount() + senders.getQueue().size();
        int free = Math.max(0, properties.getMaxConcurrentDeliveries() - busy);
        OffsetDateTime now = now();
        return new LedgerClaims.Claim(instanceId, UUID.randomUUID().toString(), now,
                now.plus(properties.leaseDuration()), free);
    }

    /** Signs the stored payload for the delivery's endpoint, with this moment's timestamp. */
    public WebhookRequest request(WebhookDelivery delivery) {
        WebhookProperties.Endpoint endpoint = properties.endpoint(delivery.getEndpoint())
                .orElseThrow(() -> new EndpointGoneException(delivery.getEndpoint()));
        byte[] body = delivery.getPayload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        return new WebhookRequest(endpoint.getUrl(), timestamp,
                WebhookSigner.signature(endpoint.signingSecret(), timestamp, body), body,
                properties.getConnectTimeout().toMillis(), properties.getTimeout().toMillis());
    }

    /** The receiver answered: any 2xx delivers, anything else is retried (3xx too: redirects are not followed). */
    public WebhookAttempt answered(WebhookDelivery delivery, int status, String answer) {
        if (status >= 200 && status < 300) {
            return outcome(delivery, new WebhookAttempt(WebhookAttempt.Outcome.DELIVERED, delivery.getAttempts() + 1,
                    status, null, now(), delivery.getNextAttemptAt()));
        }
        return failed(delivery, status, "HTTP " + status + excerpt(answer));
    }

    /** No answer: the connection failed, timed out, or the endpoint is no longer configured. */
    public WebhookAttempt unanswered(WebhookDelivery delivery, Exception failure) {
        if (failure instanceof EndpointGoneException) {
            // nowhere to send it to any more; retrying cannot help
            return outcome(delivery, new WebhookAttempt(WebhookAttempt.Outcome.GAVE_UP, delivery.getAttempts(),
                    null, failure.getMessage(), now(), delivery.getNextAttemptAt()));
        }
        return failed(delivery, null, failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    /** Called by the {@code refresh-webhook-gauges} route, so a metrics scrape never queries the database. */
    public void refreshPendingGauges() {
        Set<String> seen = new HashSet<>();
        jdbc.query(SqlFiles.load("webhook/pending-deliveries-by-endpoint.sql"), EmptySqlParameterSource.INSTANCE, row -> {
            AtomicLong pending = pendingByEndpoint.get(row.getString("endpoint"));
            if (pending != null) {
                pending.set(row.getLong("deliveries"));
                seen.add(row.getString("endpoint"));
            }
        });
        pendingByEndpoint.forEach((endpoint, pending) -> {
            if (!seen.contains(endpoint)) {
                pending.set(0);
            }
        });
    }

    private WebhookAttempt failed(WebhookDelivery delivery, Integer status, String error) {
        int attempts = delivery.getAttempts() + 1;
        String lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        OffsetDateTime now = now();
        if (retryPolicy.exhausted(attempts)) {
            return outcome(delivery, new WebhookAttempt(WebhookAttempt.Outcome.GAVE_UP, attempts, status, lastError,
                    now, delivery.getNextAttemptAt()));
        }
        return outcome(delivery, new WebhookAttempt(WebhookAttempt.Outcome.RETRIED, attempts, status, lastError,
                now, now.plus(retryPolicy.delayAfter(attempts))));
    }

    private WebhookAttempt outcome(WebhookDelivery delivery, WebhookAttempt attempt) {
        Counter.builder("igpipe.webhook.deliveries")
                .description("Webhook delivery attempts, by endpoint, event and outcome")
                .tag("endpoint", delivery.getEndpoint())
                .tag("event", delivery.getEventType())
                .tag("outcome", attempt.getOutcome().tag())
                .register(meters)
                .increment();
        if (attempt.getOutcome() == WebhookAttempt.Outcome.GAVE_UP) {
            LOG.warn("Webhook delivery {} of {} event {} to endpoint '{}' given up after {} attempts: {}",
                    delivery.getId(), delivery.getEventType(), delivery.getEventId(), delivery.getEndpoint(),
                    attempt.getAttempts(), attempt.getError());
        }
        return attempt;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static String excerpt(String answer) {
        if (answer == null || answer.isBlank()) {
            return "";
        }
        String flat = answer.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() > MAX_ANSWER_EXCERPT ? flat.substring(0, MAX_ANSWER_EXCERPT) + "..." : flat);
    }

    /** A pending delivery names an endpoint that was removed from the configuration. */
    static final class EndpointGoneException extends IllegalStateException {
        EndpointGoneException(String endpoint) {
            super("webhook endpoint '" + endpoint + "' is no longer configured");
        }
    }
}
