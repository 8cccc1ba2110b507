package io.igpipe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpipe.IgpipeApplication;
import io.igpipe.ledger.Post;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outbound webhooks end to end: events recorded through the {@code webhookEvents} bean reach a real HTTP receiver
 * on loopback, signed as documented, retried with growing waits, given up after max-attempts, never held up by
 * another endpoint that hangs, and still delivered after a restart. Each test uses its own account name, which
 * the receiver reads from the event to answer as that test scripted.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false) // tests get no Prometheus endpoint otherwise
class WebhookDeliveryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String PRIMARY = "/primary";
    private static final String SECONDARY = "/secondary";
    private static final String PRIMARY_SECRET = "primary-secret-7f3a9c";
    private static final String SECONDARY_SECRET = "secondary-secret-b81e44";
    private static final String ACCOUNT_TOKEN = "sandbox-demo-token";
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
    private static final int MAX_ATTEMPTS = 4;
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static Path work;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        work = Files.createTempDirectory("igpipe-webhooks-it-");
        Path secretFile = work.resolve("secondary.secret");
        // a trailing newline, as most editors and secret mounts leave one
        Files.writeString(secretFile, SECONDARY_SECRET + "\n");
        Map<String, String> settings = appSettings(work, "25ms");
        settings.put("igpipe.webhooks.endpoints[0].name", "primary");
        settings.put("igpipe.webhooks.endpoints[0].url", RECEIVER.url(PRIMARY));
        settings.put("igpipe.webhooks.endpoints[0].secret", PRIMARY_SECRET);
        settings.put("igpipe.webhooks.endpoints[1].name", "secondary");
        settings.put("igpipe.webhooks.endpoints[1].url", RECEIVER.url(SECONDARY));
        settings.put("igpipe.webhooks.endpoints[1].secret-file", secretFile.toString());
        settings.forEach((key, value) -> registry.add(key, () -> value));
    }

    @Autowired
    WebhookEvents webhookEvents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestRestTemplate http;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aPublishedPostArrivesSignedAsDocumentedAtEveryEndpoint() {
        String account = "acct-signed";
        Post post = publishedPost(account);

        webhookEvents.postPublished(post);

        WebhookReceiver.Request primary = awaitRequests(account, PRIMARY, 1).get(0);
        WebhookReceiver.Request secondary = awaitRequests(account, SECONDARY, 1).get(0);
        assertThat(verifies(PRIMARY_SECRET, primary)).as("signature verifies with the endpoint's secret").isTrue();
        assertThat(verifies("not-the-secret", primary)).as("and not with another").isFalse();
        assertThat(verifies(SECONDARY_SECRET, secondary)).as("secret-file, its trailing newline ignored").isTrue();
        assertThat(verifies(PRIMARY_SECRET, secondary)).as("each endpoint has its own secret").isFalse();

        assertThat(primary.header("Content-Type")).isEqualTo("application/json");
        assertThat(primary.header("X-Igpipe-Event")).isEqualTo("post.published");
        assertThat(primary.headers().keySet()).as("no Camel header leaks").noneMatch(name -> name.startsWith("camel"));
        long timestamp = Long.parseLong(primary.header("X-Igpipe-Timestamp"));
        assertThat(timestamp).isBetween(Instant.now().minusSeconds(60).getEpochSecond(), Instant.now().getEpochSecond());

        JsonNode event = primary.json();
        assertThat(event.fieldNames()).toIterable().containsExactly("id", "type", "createdAt", "data");
        assertThat(event.get("type").asText()).isEqualTo("post.published");
        assertThat(Instant.parse(event.get("createdAt").asText())).isBefore(Instant.now());
        assertThat(primary.header("X-Igpipe-Event-Id")).isEqualTo(event.get("id").asText());
        assertThat(secondary.json().get("id").asText()).as("one event, same id everywhere").isEqualTo(event.get("id").asText());
        assertThat(secondary.body()).as("one payload, same bytes everywhere").isEqualTo(primary.body());
        JsonNode data = event.get("data");
        assertThat(data.fieldNames()).toIterable().containsExactly("postId", "account", "type", "state", "mediaId",
                "containerId", "origin", "originalName", "publishedAt");
        assertThat(data.get("postId").asText()).isEqualTo(post.getId());
        assertThat(data.get("account").asText()).isEqualTo(account);
        assertThat(data.get("type").asText()).isEqualTo("IMAGE");
        assertThat(data.get("state").asText()).isEqualTo("PUBLISHED");
        assertThat(data.get("mediaId").asText()).isEqualTo(post.getMediaId());
        assertThat(data.get("containerId").asText()).isEqualTo(post.getContainerId());
        assertThat(data.get("originalName").asText()).isEqualTo("café au lait.jpg");
        assertThat(Instant.parse(data.get("publishedAt").asText())).isEqualTo(post.getPublishedAt().toInstant());
        assertNoSecretIn(primary.bodyText());

        Map<String, Object> row = awaitRow(event.get("id").asText(), "primary", "DELIVERED_AT");
        assertThat(primary.header("X-Igpipe-Delivery")).isEqualTo(row.get("ID"));
        assertThat(row).containsEntry("ATTEMPTS", 1).containsEntry("LAST_STATUS", 200).containsEntry("PAYLOAD", primary.bodyText());
        assertThat(awaitRow(event.get("id").asText(), "secondary", "DELIVERED_AT").get("ID"))
                .isEqualTo(secondary.header("X-Igpipe-Delivery")).isNotEqualTo(row.get("ID"));
    }

    @Test
    void aDeadLetterAndAPausedAccountCarryTheirReasonButNoToken() {
        String account = "acct-failing";
        Post post = publishedPost(account);
        post.setState("FAILED");
        post.setFailedAt(OffsetDateTime.now(ZoneOffset.UTC));
        post.setErrorCode("GRAPH_INVALID");
        post.setErrorMessage("Invalid parameter (request ?access_token=" + ACCOUNT_TOKEN + "&image_url=x)");
        post.setErrorCategory("INVALID");
        post.setGraphCode(100);
        post.setGraphSubcode(2207023);
        post.setFailedStage("create-container");
        post.setAttempts(3);

        webhookEvents.postFailed(post);
        webhookEvents.accountPaused(account, "Error validating access token: " + ACCOUNT_TOKEN, 190, 463);

        List<WebhookReceiver.Request> received = awaitRequests(account, PRIMARY, 2);
        JsonNode failed = eventOfType(received, "post.failed").get("data");
        assertThat(failed.fieldNames()).toIterable().containsExactly("postId", "account", "type", "state", "mediaId",
                "containerId", "origin", "originalName", "failedAt", "errorCode", "errorMessage", "errorCategory",
                "graphCode", "graphSubcode", "failedStage", "attempts");
        assertThat(failed.get("errorCode").asText()).isEqualTo("GRAPH_INVALID");
        assertThat(failed.get("errorMessage").asText()).contains("access_token=***");
        assertThat(failed.get("errorCategory").asText()).isEqualTo("INVALID");
        assertThat(failed.get("graphCode").asInt()).isEqualTo(100);
        assertThat(failed.get("graphSubcode").asInt()).isEqualTo(2207023);
        assertThat(failed.get("failedStage").asText()).isEqualTo("create-container");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        JsonNode paused = eventOfType(received, "account.paused").get("data");
        assertThat(paused.fieldNames()).toIterable().containsExactly("account", "reason", "graphCode", "graphSubcode");
        assertThat(paused.get("reason").asText()).startsWith("Error validating access token");
        assertThat(paused.get("graphCode").asInt()).isEqualTo(190);
        assertThat(paused.get("graphSubcode").asInt()).isEqualTo(463);
        received.forEach(request -> {
            assertThat(request.header("X-Igpipe-Event")).isEqualTo(request.json().get("type").asText());
            assertNoSecretIn(request.bodyText());
        });
    }

    @Test
    void aReceiverFailingTwiceGetsTheSameEventThreeTimesAfterGrowingWaits() {
        String account = "acct-flaky";
        RECEIVER.script(account, (path, attempt) -> path.equals(PRIMARY) && attempt <= 2 ? 500 : 200);
        double retriedBefore = count("primary", "post.published", "retried");

        webhookEvents.postPublished(publishedPost(account));

        List<WebhookReceiver.Request> attempts = awaitRequests(account, PRIMARY, 3);
        String eventId = attempts.get(0).header("X-Igpipe-Event-Id");
        Map<String, Object> row = awaitRow(eventId, "primary", "DELIVERED_AT");
        assertThat(attempts).extracting(request -> request.header("X-Igpipe-Event-Id")).containsOnly(eventId);
        assertThat(attempts).extracting(request -> request.header("X-Igpipe-Delivery")).containsOnly((String) row.get("ID"));
        assertThat(attempts).allSatisfy(request -> assertThat(verifies(PRIMARY_SECRET, request)).isTrue());
        Duration firstWait = Duration.between(attempts.get(0).receivedAt(), attempts.get(1).receivedAt());
        Duration secondWait = Duration.between(attempts.get(1).receivedAt(), attempts.get(2).receivedAt());
        assertThat(firstWait).as("received at %s", attempts.stream().map(WebhookReceiver.Request::receivedAt).toList())
                .isGreaterThanOrEqualTo(INITIAL_BACKOFF);
        assertThat(secondWait).isGreaterThanOrEqualTo(INITIAL_BACKOFF.multipliedBy(2)).isGreaterThan(firstWait);
        assertThat(row).containsEntry("ATTEMPTS", 3).containsEntry("LAST_STATUS", 200).containsEntry("GIVEN_UP_AT", null);
        assertThat(toInstant(row.get("NEXT_ATTEMPT_AT"))).as("the third attempt was due twice the backoff after the second")
                .isBetween(attempts.get(1).receivedAt().plus(INITIAL_BACKOFF.multipliedBy(2)), attempts.get(2).receivedAt());
        assertThat(count("primary", "post.published", "retried") - retriedBefore).isEqualTo(2.0);
        assertThat(RECEIVER.requests(account, SECONDARY)).as("the other endpoint got it at once").hasSize(1);
    }

    @Test
    void aReceiverThatNeverAcceptsIsGivenUpAfterMaxAttempts() {
        String account = "acct-down";
        RECEIVER.script(account, (path, attempt) -> path.equals(PRIMARY) ? 503 : 200);
        double gaveUpBefore = count("primary", "account.paused", "gave_up");

        webhookEvents.accountPaused(account, "token expired", 190, 463);

        String eventId = awaitRequests(account, PRIMARY, 1).get(0).header("X-Igpipe-Event-Id");
        Map<String, Object> row = awaitRow(eventId, "primary", "GIVEN_UP_AT");
        assertThat(row).containsEntry("ATTEMPTS", MAX_ATTEMPTS).containsEntry("LAST_STATUS", 503)
                .containsEntry("DELIVERED_AT", null);
        assertThat((String) row.get("LAST_ERROR")).isEqualTo("HTTP 503: receiver says no");
        assertThat(RECEIVER.requests(account, PRIMARY)).hasSize(MAX_ATTEMPTS);
        assertThat(count("primary", "account.paused", "gave_up") - gaveUpBefore).isEqualTo(1.0);

        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains("igpipe_webhook_deliveries_total{endpoint=\"primary\",event=\"account.paused\",outcome=\"gave_up\"}")
                .contains("igpipe_webhook_deliveries_pending{endpoint=\"secondary\"}");
        assertNoSecretIn(metrics);
        assertThat(metrics).doesNotContain(RECEIVER.url(PRIMARY));
    }

    @Test
    void aHangingReceiverDoesNotDelayAnotherEndpoint() {
        String account = "acct-hanging";
        RECEIVER.script(account, (path, attempt) -> path.equals(PRIMARY) ? WebhookReceiver.HANG : 200);
        try {
            webhookEvents.postPublished(publishedPost(account));

            String eventId = awaitRequests(account, SECONDARY, 1).get(0).header("X-Igpipe-Event-Id");
            awaitRow(eventId, "secondary", "DELIVERED_AT");
            assertThat(RECEIVER.requests(account, PRIMARY)).as("the slow endpoint was called too").hasSize(1);
            assertThat(row(eventId, "primary")).as("and is still waiting for its answer")
                    .containsEntry("DELIVERED_AT", null).containsEntry("GIVEN_UP_AT", null).containsEntry("ATTEMPTS", 0);

            RECEIVER.releaseHangingRequests();
            assertThat(awaitRow(eventId, "primary", "DELIVERED_AT")).containsEntry("ATTEMPTS", 1);
        } finally {
            RECEIVER.releaseHangingRequests();
        }
    }

    @Test
    void anEventRecordedBeforeAShutdownIsDeliveredAfterTheRestart() throws IOException {
        Path work = Files.createTempDirectory("igpipe-webhooks-restart-");
        String account = "acct-restart";
        String eventId;
        // first run: the webhooks route would look for due deliveries only after an hour
        try (ConfigurableApplicationContext first = startApp(work, "1h")) {
            first.getBean(WebhookEvents.class).accountPaused(account, "token expired", 190, null);
            Map<String, Object> recorded = JdbcClient.create(first.getBean(javax.sql.DataSource.class))
                    .sql("SELECT * FROM webhook_delivery").query().singleRow();
            assertThat(recorded).containsEntry("ATTEMPTS", 0).containsEntry("DELIVERED_AT", null);
            eventId = (String) recorded.get("EVENT_ID");
        }
        assertThat(RECEIVER.requests(account, "/restart")).as("nothing sent before the shutdown").isEmpty();

        try (ConfigurableApplicationContext second = startApp(work, "25ms")) {
            WebhookReceiver.Request request = awaitRequests(account, "/restart", 1).get(0);
            assertThat(request.header("X-Igpipe-Event-Id")).isEqualTo(eventId);
            assertThat(verifies(PRIMARY_SECRET, request)).isTrue();
            JdbcClient restarted = JdbcClient.create(second.getBean(javax.sql.DataSource.class));
            await().atMost(DEADLINE).until(() -> restarted.sql("SELECT delivered_at FROM webhook_delivery")
                    .query().singleValue() != null);
        }
    }

    /** The documented recipe: HMAC-SHA256(secret, timestamp + "." + raw body), hex, compared in constant time. */
    @Test
    void thePipelineSignalsItsOwnPublishedAndDeadLetteredPosts() throws Exception {
        Path folder = Files.createDirectories(work.resolve("watch").resolve("demo"));
        writeJpeg(folder.resolve("webhook-published.jpg"), 1200, 900);
        writeJpeg(folder.resolve("webhook-too-small.jpg"), 120, 90);

        await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVER.requests("demo", PRIMARY).size() >= 2);
        List<WebhookReceiver.Request> requests = RECEIVER.requests("demo", PRIMARY);
        assertThat(requests).allSatisfy(request -> assertThat(verifies(PRIMARY_SECRET, request)).isTrue());
        JsonNode published = eventOfType(requests, "post.published").get("data");
        JsonNode failed = eventOfType(requests, "post.failed").get("data");

        assertThat(published.get("originalName").asText()).isEqualTo("webhook-published.jpg");
        assertThat(published.get("mediaId").asText()).isEqualTo(jdbc.sql("SELECT media_id FROM post WHERE id = ?")
                .param(published.get("postId").asText()).query(String.class).single());
        assertThat(failed.get("originalName").asText()).isEqualTo("webhook-too-small.jpg");
        assertThat(failed.get("errorCode").asText()).isEqualTo("MEDIA_TOO_SMALL");
        assertThat(requests).allSatisfy(request -> assertThat(request.bodyText()).doesNotContain(ACCOUNT_TOKEN));
    }

    private static void writeJpeg(Path target, int width, int height) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D graphics = image.createGraphics();
        graphics.setPaint(new java.awt.GradientPaint(0, 0, java.awt.Color.ORANGE, width, height, java.awt.Color.BLUE));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        // written aside and renamed, so the watch folder never sees a half-written file
        Path partial = target.resolveSibling("." + target.getFileName() + ".part");
        javax.imageio.ImageIO.write(image, "jpg", partial.toFile());
        Files.move(partial, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean verifies(String secret, WebhookReceiver.Request request) {
        String timestamp = request.header("X-Igpipe-Timestamp");
        if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    request.header("X-Igpipe-Signature").getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(PRIMARY_SECRET).doesNotContain(SECONDARY_SECRET).doesNotContain(ACCOUNT_TOKEN);
    }

    private static ConfigurableApplicationContext startApp(Path work, String pollInterval) {
        Map<String, String> settings = appSettings(work, pollInterval);
        settings.put("server.port", "0");
        settings.put("igpipe.webhooks.endpoints[0].name", "primary");
        settings.put("igpipe.webhooks.endpoints[0].url", RECEIVER.url("/restart"));
        settings.put("igpipe.webhooks.endpoints[0].secret", PRIMARY_SECRET);
        // command-line arguments, so they win over config/application.yaml
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(IgpipeApplication.class).run(arguments);
    }

    /** What every app in this test runs with: its own ledger, the embedded sandbox, millisecond backoffs. */
    private static Map<String, String> appSettings(Path work, String pollInterval) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("igpipe.data-dir", work.resolve("data").toString());
        settings.put("igpipe.watch-root", work.resolve("watch").toString());
        settings.put("igpipe.graph.base-url", "");
        settings.put("igpipe.sandbox.port", "0");
        settings.put("igpipe.webhooks.poll-interval", pollInterval);
        settings.put("igpipe.webhooks.initial-backoff", INITIAL_BACKOFF.toMillis() + "ms");
        settings.put("igpipe.webhooks.multiplier", "2");
        settings.put("igpipe.webhooks.max-backoff", "1s");
        settings.put("igpipe.webhooks.jitter", "0.1");
        settings.put("igpipe.webhooks.max-attempts", String.valueOf(MAX_ATTEMPTS));
        // long enough that the hanging receiver is still waited for when the test looks
        settings.put("igpipe.webhooks.timeout", "60s");
        settings.put("igpipe.metrics.refresh-interval", "100");
        return settings;
    }

    private static Post publishedPost(String account) {
        Post post = new Post();
        post.setId(UUID.randomUUID().toString());
        post.setAccount(account);
        post.setOrigin("WATCH_FOLDER");
        post.setState("PUBLISHED");
        post.setPostType("IMAGE");
        post.setOriginalName("café au lait.jpg");
        post.setContainerId("17900000000000001");
        post.setMediaId("17950000000000001");
        post.setPublishedAt(OffsetDateTime.now(ZoneOffset.UTC));
        return post;
    }

    private static List<WebhookReceiver.Request> awaitRequests(String account, String path, int count) {
        await().atMost(DEADLINE).until(() -> RECEIVER.requests(account, path).size() >= count);
        return RECEIVER.requests(account, path);
    }

    private static JsonNode eventOfType(List<WebhookReceiver.Request> requests, String type) {
        return requests.stream().map(WebhookReceiver.Request::json)
                .filter(event -> type.equals(event.get("type").asText())).findFirst().orElseThrow();
    }

    private Map<String, Object> awaitRow(String eventId, String endpoint, String closedBy) {
        await().atMost(DEADLINE).until(() -> row(eventId, endpoint).get(closedBy) != null);
        return row(eventId, endpoint);
    }

    private Map<String, Object> row(String eventId, String endpoint) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE event_id = :eventId AND endpoint = :endpoint")
                .param("eventId", eventId).param("endpoint", endpoint).query().singleRow();
    }

    private double count(String endpoint, String event, String outcome) {
        Counter counter = meters.find("igpipe.webhook.deliveries")
                .tags("endpoint", endpoint, "event", event, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Instant toInstant(Object timestamp) {
        return timestamp instanceof OffsetDateTime time ? time.toInstant() : Instant.parse(String.valueOf(timestamp));
    }
}
