package io.igpipe.ops;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.graph.AccountTokens;
import io.igpipe.graph.SecretRedactor;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.SqlFiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records webhook events in the {@code webhook_delivery} outbox: one row per configured endpoint that subscribes
 * to the event, nothing else. Sending happens later on the webhook senders, so a route that calls this bean never
 * waits for a receiver, and a failure to record is logged and counted, never thrown into the pipeline.
 * The methods return nothing, so calling them from a route leaves the exchange's body as it was.
 */
@Component("webhookEvents")
public class WebhookEvents {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookProperties properties;
    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final AccountTokens tokens;
    private final MeterRegistry meters;

    public WebhookEvents(WebhookProperties properties, NamedParameterJdbcTemplate jdbc, Clock clock,
            AccountTokens tokens, MeterRegistry meters) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.tokens = tokens;
        this.meters = meters;
    }

    public void postPublished(Post post) {
        record(WebhookEventType.POST_PUBLISHED, () -> {
            Map<String, Object> data = postData(post);
            data.put("publishedAt", iso(post.getPublishedAt()));
            return data;
        });
    }

    /** The post was dead-lettered. */
    public void postFailed(Post post) {
        record(WebhookEventType.POST_FAILED, () -> {
            Map<String, Object> data = postData(post);
            data.put("failedAt", iso(post.getFailedAt()));
            data.put("errorCode", post.getErrorCode());
            data.put("errorMessage", redacted(post.getErrorMessage()));
            data.put("errorCategory", post.getErrorCategory());
            data.put("graphCode", post.getGraphCode());
            data.put("graphSubcode", post.getGraphSubcode());
            data.put("failedStage", post.getFailedStage());
            data.put("attempts", post.getAttempts());
            return data;
        });
    }

    public void accountPaused(String account, String reason, Integer graphCode, Integer graphSubcode) {
        record(WebhookEventType.ACCOUNT_PAUSED, () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("account", account);
            data.put("reason", redacted(reason));
            data.put("graphCode", graphCode);
            data.put("graphSubcode", graphSubcode);
            return data;
        });
    }

    private void record(WebhookEventType type, Supplier<Map<String, Object>> data) {
        List<WebhookProperties.Endpoint> subscribers =
                properties.getEndpoints().stream().filter(endpoint -> endpoint.subscribesTo(type)).toList();
        if (subscribers.isEmpty()) {
            return;
        }
        String eventId = UUID.randomUUID().toString();
        try {
            OffsetDateTime now = OffsetDateTime.now(clock);
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", eventId);
            event.put("type", type.wireName());
            event.put("createdAt", iso(now));
            event.put("data", data.get());
            String payload = JSON.writeValueAsString(event);
            MapSqlParameterSource[] rows = subscribers.stream()
                    .map(endpoint -> new MapSqlParameterSource()
                            .addValue("id", UUID.randomUUID().toString())
                            .addValue("endpoint", endpoint.getName())
                            .addValue("eventType", type.wireName())
                            .addValue("eventId", eventId)
                            .addValue("payload", payload)
                            .addValue("createdAt", now))
                    .toArray(MapSqlParameterSource[]::new);
            jdbc.batchUpdate(SqlFiles.load("webhook/insert-delivery.sql"), rows);
        } catch (Exception e) {
            // the caller is publishing or dead-lettering a post: a lost notification must not change that outcome
            LOG.warn("Could not record webhook event {} {}: {}", type.wireName(), eventId, e.toString());
            Counter.builder("igpipe.webhook.record.failures")
                    .description("Webhook events that could not be recorded in the outbox")
                    .tag("event", type.wireName())
                    .register(meters)
                    .increment();
        }
    }

    private static Map<String, Object> postData(Post post) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("postId", post.getId());
        data.put("account", post.getAccount());
        data.put("type", post.getPostType());
        data.put("state", post.getState());
        data.put("mediaId", post.getMediaId());
        data.put("containerId", post.getContainerId());
        data.put("origin", post.getOrigin());
        data.put("originalName", post.getOriginalName());
        return data;
    }

    /** Graph error texts can quote a request; no access token may leave the process in a webhook. */
    private String redacted(String text) {
        return SecretRedactor.redact(text, tokens.knownTokens());
    }

    private static String iso(OffsetDateTime time) {
        return time == null ? null : time.toInstant().toString();
    }
}
