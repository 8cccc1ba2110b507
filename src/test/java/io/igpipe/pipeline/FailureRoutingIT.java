package io.igpipe.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.graph.sandbox.ContainerOutcome;
import io.igpipe.graph.sandbox.EndpointKind;
import io.igpipe.graph.sandbox.FaultRule;
import io.igpipe.graph.sandbox.GraphSandbox;
import io.igpipe.graph.sandbox.SandboxSnapshot;
import io.igpipe.graph.sandbox.TokenState;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every failure category driven through the real routes by the sandbox's fault rules: the recovery route taken,
 * the wait recorded (from Meta's headers where Meta gives one), the final state, and never a second publish.
 * The app's clock is a test clock, so waits of minutes or a day are asserted exactly and then passed at once.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@AutoConfigureObservability
class FailureRoutingIT {

    private static final Path WORK = PipelineTestSettings.newWorkDir("failure-routing-it");
    private static final Path TOKEN_FILE = WORK.resolve("locked.token");
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MovableClock CLOCK = new MovableClock();

    private static final Account MAIN = new Account("main", "17841400000000201", "tok-main-1");
    private static final Account RATED = new Account("rated", "17841400000000202", "tok-rated-1");
    private static final Account QUOTA = new Account("quota", "17841400000000203", "tok-quota-1");
    private static final Account LOCKED = new Account("locked", "17841400000000204", "tok-locked-1");
    private static final Account OPEN = new Account("open", "17841400000000205", "tok-open-1");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        PipelineTestSettings.fastPipeline(WORK).forEach((key, value) -> registry.add(key, () -> value));
        Files.writeString(TOKEN_FILE, LOCKED.token());
        List<Account> accounts = List.of(MAIN, RATED, QUOTA, LOCKED, OPEN);
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String prefix = "igpipe.accounts[" + i + "].";
            registry.add(prefix + "name", account::name);
            registry.add(prefix + "ig-user-id", account::igUserId);
            if (account == LOCKED) {
                registry.add(prefix + "access-token-file", TOKEN_FILE::toString);
            } else {
                registry.add(prefix + "access-token", account::token);
            }
        }
        // nothing listens there: the test reads the recorded event from the outbox, not a delivery
        registry.add("igpipe.webhooks.endpoints[0].name", () -> "ops");
        registry.add("igpipe.webhooks.endpoints[0].url", () -> "http://127.0.0.1:9/igpipe-events");
        registry.add("igpipe.webhooks.endpoints[0].secret", () -> "failure-routing-webhook-secret");
        registry.add("igpipe.pipeline.max-attempts", () -> "3");
        registry.add("igpipe.pipeline.unknown-max-attempts", () -> "2");
        registry.add("igpipe.graph.container-poll.max-polls", () -> "6");
        registry.add("igpipe.tokens.check-interval", () -> "300ms");
        registry.add("igpipe.graph.quota-clock-skew", () -> "1m");
        registry.add("igpipe.graph.breaker-open-wait", () -> "500ms");
        registry.add("camel.resilience4j.sliding-window-size", () -> "6");
        registry.add("camel.resilience4j.minimum-number-of-calls", () -> "6");
        registry.add("camel.resilience4j.wait-duration-in-open-state", () -> "2");
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @Autowired
    GraphSandbox sandbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestRestTemplate http;

    @Test
    @Order(1)
    void rateLimitHoldsTheAccountForTheTimeMetaGivesAndSpendsNoAttempt() throws Exception {
        // 80002 with X-Business-Use-Case-Usage saying estimated_time_to_regain_access: 2 (minutes)
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forAccount(RATED.igUserId()).times(1)
                .error(80002, null).usage(FaultRule.UsageOverride.of(100, 2)).build());
        drop(RATED, "throttled", "rate limited once");

        eventually().until(() -> "RATE_LIMIT".equals(row("throttled.jpg").get("WAIT_REASON")));
        Map<String, Object> waiting = row("throttled.jpg");
        Duration wait = Duration.between(time(waiting.get("UPDATED_AT")), time(waiting.get("NEXT_ATTEMPT_AT")));
        assertThat(wait).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(2).plusSeconds(25));
        assertThat(waiting).containsEntry("STATE", "PREPARED").containsEntry("ATTEMPTS", 0)
                .containsEntry("ERROR_CODE", "GRAPH_RATE_LIMIT").containsEntry("GRAPH_CODE", 80002);
        Map<String, Object> account = accountState(RATED);
        assertThat(time(account.get("HOLD_UNTIL"))).isAfterOrEqualTo(time(waiting.get("UPDATED_AT")).plusMinutes(2));
        assertThat(createCalls(RATED)).isEqualTo(1);

        CLOCK.advance(Duration.ofMinutes(3));
        awaitState("throttled.jpg", "PUBLISHED");
        assertThat(mediaWithCaption(RATED, "rate limited once")).hasSize(1);
        assertThat(createCalls(RATED)).isEqualTo(2);
    }

    @Test
    @Order(2)
    void usageAboveTheThresholdSlowsTheAccountDownBeforeMetaThrottlesIt() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forAccount(RATED.igUserId()).times(1)
                .usage(FaultRule.UsageOverride.of(80, 0)).build());
        drop(RATED, "busy", "usage at 80 percent");

        eventually().until(() -> {
            Object reason = accountState(RATED).get("HOLD_REASON");
            return reason != null && reason.toString().contains("usage at 80%");
        });
        assertThat(accountState(RATED)).containsEntry("USAGE_PERCENT", 80);
        CLOCK.advance(Duration.ofMinutes(2));
        awaitState("busy.jpg", "PUBLISHED");
        assertThat(mediaWithCaption(RATED, "usage at 80 percent")).hasSize(1);
    }

    @Test
    @Order(3)
    void aSpentQuotaHoldsPublishingUntilTheOldestPublishAgesOut() throws Exception {
        drop(QUOTA, "first", "quota first");
        awaitState("first.jpg", "PUBLISHED");
        OffsetDateTime firstPublished = time(row("first.jpg").get("PUBLISHED_AT"));
        long publishes = publishCalls(QUOTA);

        sandbox.faults().add(FaultRule.on(EndpointKind.PUBLISHING_LIMIT).forAccount(QUOTA.igUserId()).times(1)
                .body("{\"data\":[{\"quota_usage\":1,\"config\":{\"quota_total\":1,\"quota_duration\":86400}}]}")
                .httpStatus(200).build());
        drop(QUOTA, "second", "quota second");
        eventually().until(() -> "PUBLISH_QUOTA".equals(row("second.jpg").get("WAIT_REASON")));

        OffsetDateTime slotFrees = firstPublished.plusHours(24).plusMinutes(1);
        assertThat(time(row("second.jpg").get("NEXT_ATTEMPT_AT"))).isEqualTo(slotFrees);
        assertThat(time(accountState(QUOTA).get("PUBLISH_HOLD_UNTIL"))).isEqualTo(slotFrees);
        assertThat(publishCalls(QUOTA)).isEqualTo(publishes);
        assertThat(row("second.jpg")).containsEntry("ATTEMPTS", 0);

        CLOCK.advance(Duration.ofHours(24).plusMinutes(2));
        awaitState("second.jpg", "PUBLISHED");
        assertThat(publishCalls(QUOTA)).isEqualTo(publishes + 1);
        assertThat(mediaWithCaption(QUOTA, "quota second")).hasSize(1);
    }

    @Test
    @Order(4)
    void anExpiredTokenPausesOnlyItsAccountAndANewTokenResumesItWithNothingLost(CapturedOutput output) throws Exception {
        sandbox.setTokenState(LOCKED.token(), TokenState.EXPIRED);
        drop(LOCKED, "locked-1", "locked one");
        drop(LOCKED, "locked-2", "locked two");
        drop(OPEN, "open-1", "open one");
        drop(OPEN, "open-2", "open two");

        awaitState("open-1.jpg", "PUBLISHED");
        awaitState("open-2.jpg", "PUBLISHED");
        eventually().until(() -> accountState(LOCKED).get("PAUSED_AT") != null
                && "ACCOUNT_PAUSED".equals(row("locked-1.jpg").get("WAIT_REASON"))
                && "ACCOUNT_PAUSED".equals(row("locked-2.jpg").get("WAIT_REASON")));
        assertThat(accountState(LOCKED).get("PAUSE_CODE").toString()).contains("GRAPH_AUTH", "190/463");
        List<String> pauseEvents = jdbc.sql("SELECT payload FROM webhook_delivery WHERE event_type = 'account.paused'")
                .query(String.class).list();
        assertThat(pauseEvents).as("one account.paused event, though two posts hit the expired token").hasSize(1);
        JsonNode pauseEvent = JSON.readTree(pauseEvents.get(0));
        assertThat(pauseEvent.at("/data/account").asText()).isEqualTo(LOCKED.name());
        assertThat(pauseEvent.at("/data/graphCode").asInt()).isEqualTo(190);
        assertThat(pauseEvents.get(0)).doesNotContain("tok-locked");
        assertThat(row("locked-1.jpg").get("STATE")).isNotEqualTo("FAILED");
        assertThat(sandbox.snapshot().publishedBy(LOCKED.igUserId())).isEmpty();
        String health = http.getForObject("/actuator/health", String.class);
        JsonNode accounts = JSON.readTree(health).at("/components/accounts/details");
        assertThat(accounts.at("/locked/token").asText()).isEqualTo("PAUSED");
        assertThat(accounts.at("/open/token").asText()).isEqualTo("ACTIVE");

        // The operator configures a valid token: the account resumes without a restart.
        sandbox.registerAccount(LOCKED.igUserId(), LOCKED.name(), "tok-locked-2");
        Files.writeString(TOKEN_FILE, "tok-locked-2\n");
        awaitState("locked-1.jpg", "PUBLISHED");
        awaitState("locked-2.jpg", "PUBLISHED");
        assertThat(mediaWithCaption(LOCKED, "locked one")).hasSize(1);
        assertThat(mediaWithCaption(LOCKED, "locked two")).hasSize(1);
        assertThat(accountState(LOCKED).get("PAUSED_AT")).isNull();
        assertThat(output.getAll()).doesNotContain("tok-locked-1", "tok-locked-2");
        assertThat(health).doesNotContain("tok-locked");
    }

    @Test
    @Order(5)
    void notReadyAtPublishIsPolledAgainAndPublishedOnce() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).forAccount(MAIN.igUserId()).times(1)
                .error(9007, 2207027).build());
        long publishes = publishCalls(MAIN);
        drop(MAIN, "not-ready", "not ready once");
        awaitState("not-ready.jpg", "PUBLISHED");
        assertThat(publishCalls(MAIN)).isEqualTo(publishes + 2);
        assertThat(mediaWithCaption(MAIN, "not ready once")).hasSize(1);
        assertThat(row("not-ready.jpg")).containsEntry("CONTAINER_BUILDS", 1);
    }

    @Test
    @Order(6)
    void aContainerThatNeverFinishesIsRebuiltOnce() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forAccount(MAIN.igUserId()).times(1)
                .containerOutcome(new ContainerOutcome(io.igpipe.graph.sandbox.ContainerStatus.IN_PROGRESS, null)).build());
        drop(MAIN, "stuck-container", "stuck container");
        awaitState("stuck-container.jpg", "PUBLISHED");
        assertThat(row("stuck-container.jpg")).containsEntry("CONTAINER_BUILDS", 2);
        assertThat(mediaWithCaption(MAIN, "stuck container")).hasSize(1);
    }

    @Test
    @Order(7)
    void transientErrorsBackOffThenDeadLetterWithTheReason() throws Exception {
        FaultRule busy = sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forAccount(MAIN.igUserId())
                .untilCleared().error(-1, 2207001).build());
        drop(MAIN, "always-busy", "instagram always busy");
        JsonNode error = awaitError("always-busy");
        sandbox.faults().clear();

        assertThat(error.get("code").asText()).isEqualTo("GRAPH_TRANSIENT");
        assertThat(error.get("category").asText()).isEqualTo("TRANSIENT");
        assertThat(error.get("graphCode").asInt()).isEqualTo(-1);
        assertThat(error.get("graphSubcode").asInt()).isEqualTo(2207001);
        assertThat(error.get("stage").asText()).isEqualTo("create-container");
        assertThat(row("always-busy.jpg")).containsEntry("STATE", "FAILED").containsEntry("ATTEMPTS", 3);
        assertThat(hitsOf(busy)).isEqualTo(4);
    }

    @Test
    @Order(8)
    void refusedMediaIsReoptimizedStrictlyOnceThenPublished() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forAccount(MAIN.igUserId()).times(1)
                .error(36003, 2207009).build());
        drop(MAIN, "refused-ratio", "refused once for its ratio");
        awaitState("refused-ratio.jpg", "PUBLISHED");
        Map<String, Object> published = row("refused-ratio.jpg");
        assertThat(published).containsEntry("OPTIMIZATION_PROFILE", "STRICT").containsEntry("MEDIA_RETRIES", 1);
        List<SandboxSnapshot.MediaView> media = mediaWithCaption(MAIN, "refused once for its ratio");
        assertThat(media).hasSize(1);
        // the strict profile: at most 1080 px wide
        assertThat(sandbox.snapshot().container(media.get(0).containerId()).orElseThrow().image().width())
                .isLessThanOrEqualTo(1080);
    }

    @Test
    @Order(9)
    void mediaRefusedTwiceIsDeadLettered() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER).forAccount(MAIN.igUserId()).times(2)
                .error(36001, 2207005).build());
        drop(MAIN, "refused-twice", "refused twice");
        JsonNode error = awaitError("refused-twice");
        assertThat(error.get("code").asText()).isEqualTo("GRAPH_MEDIA");
        assertThat(error.get("mediaRetries").asInt()).isEqualTo(1);
        assertThat(mediaWithCaption(MAIN, "refused twice")).isEmpty();
    }

    @Test
    @Order(10)
    void policyInvalidAndUnknownErrorsAreDeadLetteredWithoutHammering() throws Exception {
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).forAccount(MAIN.igUserId()).times(1)
                .error(368, null).build());
        long publishes = publishCalls(MAIN);
        drop(MAIN, "policy", "blocked for policy");
        JsonNode policy = awaitError("policy");
        assertThat(policy.get("code").asText()).isEqualTo("GRAPH_POLICY");
        assertThat(policy.get("graphCode").asInt()).isEqualTo(368);
        assertThat(policy.get("fbtraceId").asText()).isNotBlank();
        assertThat(publishCalls(MAIN)).isEqualTo(publishes + 1);
        assertThat(mediaWithCaption(MAIN, "blocked for policy")).isEmpty();

        FaultRule invalidType = sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER)
                .forAccount(MAIN.igUserId()).times(1).error(100, 2207023).build());
        drop(MAIN, "invalid", "invalid media type");
        JsonNode invalid = awaitError("invalid");
        assertThat(invalid.get("code").asText()).isEqualTo("GRAPH_INVALID");
        assertThat(hitsOf(invalidType)).isEqualTo(1);

        FaultRule unknownCode = sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER)
                .forAccount(MAIN.igUserId()).untilCleared().error(36002, null).build());
        drop(MAIN, "unknown", "an error nobody knows");
        JsonNode unknown = awaitError("unknown");
        sandbox.faults().clear();
        assertThat(unknown.get("code").asText()).isEqualTo("GRAPH_UNKNOWN");
        assertThat(hitsOf(unknownCode)).isEqualTo(3);
    }

    @Test
    @Order(10)
    void aRefusalAfterAnUnansweredPublishNeverBuildsASecondContainer() throws Exception {
        // publish #1 reaches Meta only after our response timeout (3 s); the retry is refused as MEDIA, and then #1 lands
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).forAccount(MAIN.igUserId()).times(1)
                .latencyMs(4000).build());
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).forAccount(MAIN.igUserId()).times(1)
                .error(36003, 2207009).build());
        drop(MAIN, "late-publish", "published late after a refusal");

        eventually().until(() -> row("late-publish.jpg").get("ARCHIVED_AT") != null
                && mediaWithCaption(MAIN, "published late after a refusal").size() == 1);
        Map<String, Object> filed = row("late-publish.jpg");
        assertThat(filed).containsEntry("CONTAINER_BUILDS", 1).containsEntry("MEDIA_RETRIES", 0);
        if ("FAILED".equals(filed.get("STATE"))) {
            // filed before the late publish landed: its content stays reserved, so it can never be posted twice
            assertThat(filed.get("ACTIVE_CONTENT_HASH")).isEqualTo(filed.get("CONTENT_HASH"));
        } else {
            assertThat(filed).containsEntry("STATE", "PUBLISHED");
        }
        assertThat(mediaWithCaption(MAIN, "published late after a refusal")).hasSize(1);
    }

    @Test
    @Order(11)
    void anOutageOpensTheBreakerPostsWaitAndThenPublish() throws Exception {
        sandbox.faults().add(FaultRule.onAnyEndpoint().untilCleared().httpStatus(503).body("").build());
        drop(MAIN, "outage-1", "published after the outage 1");
        drop(MAIN, "outage-2", "published after the outage 2");

        eventually().until(() -> "BREAKER_OPEN".equals(row("outage-1.jpg").get("WAIT_REASON"))
                || "BREAKER_OPEN".equals(row("outage-2.jpg").get("WAIT_REASON")));
        JsonNode graphHealth = JSON.readTree(http.getForObject("/actuator/health", String.class)).at("/components/graphApi");
        assertThat(graphHealth.at("/details/circuitBreaker").asText()).isIn("OPEN", "HALF_OPEN");
        assertThat(row("outage-1.jpg").get("STATE")).isNotEqualTo("FAILED");

        sandbox.faults().clear();
        awaitState("outage-1.jpg", "PUBLISHED");
        awaitState("outage-2.jpg", "PUBLISHED");
        assertThat(mediaWithCaption(MAIN, "published after the outage 1")).hasSize(1);
        assertThat(mediaWithCaption(MAIN, "published after the outage 2")).hasSize(1);
    }

    @Test
    @Order(12)
    void prometheusShowsErrorsByCodeRecoveriesWaitsAndQuotaWithoutAnyToken() {
        String metrics = http.getForObject("/actuator/prometheus", String.class);
        assertThat(metrics).contains(
                "igpipe_graph_errors_total{category=\"RATE_LIMIT\",code=\"80002\"",
                "igpipe_graph_errors_total{category=\"POLICY\",code=\"368\"",
                "subcode=\"2207009\"",
                "igpipe_recoveries_total{camelContext=\"igpipe\",route=\"recover-rate-limit\"",
                "igpipe_recoveries_total{camelContext=\"igpipe\",route=\"recover-media\"",
                "igpipe_recoveries_total{camelContext=\"igpipe\",route=\"dead-letter\"",
                "igpipe_recoveries_total{camelContext=\"igpipe\",route=\"account-resumed\"",
                "igpipe_posts_total{account=\"main\",camelContext=\"igpipe\",outcome=\"published\"",
                "igpipe_posts_total{account=\"main\",camelContext=\"igpipe\",outcome=\"dead_lettered\"",
                "igpipe_stage_duration_seconds_count{stage=\"optimize\"",
                "igpipe_stage_duration_seconds_count{stage=\"container_wait\"",
                "igpipe_stage_duration_seconds_count{stage=\"publish\"",
                "igpipe_posts_waiting{reason=\"ACCOUNT_PAUSED\"",
                "igpipe_dead_letters ",
                "igpipe_account_quota_used{account=\"quota\"",
                "igpipe_account_quota_left{account=\"quota\"",
                "igpipe_graph_circuit_breaker{state=\"CLOSED\"");
        assertThat(metrics).doesNotContain("tok-main", "tok-rated", "tok-quota", "tok-locked", "tok-open");
    }

    /** Rows may not exist yet when a wait starts: keep looking until the deadline. */
    private static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(100)).ignoreExceptions();
    }

    private void drop(Account account, String name, String caption) throws IOException {
        Path folder = WORK.resolve("watch").resolve(account.name());
        TestPhotos.drop(folder, name + ".txt", caption.getBytes(StandardCharsets.UTF_8));
        TestPhotos.drop(folder, name + ".jpg", TestPhotos.jpeg(TestPhotos.photo(1200, 900, name.hashCode(), false), 0.9f));
    }

    private void awaitState(String originalName, String state) {
        eventually().until(() -> {
            List<Map<String, Object>> rows = rows(originalName);
            return rows.size() == 1 && state.equals(rows.get(0).get("STATE")) && rows.get(0).get("ARCHIVED_AT") != null;
        });
    }

    private JsonNode awaitError(String baseName) throws IOException {
        AtomicReference<Path> found = new AtomicReference<>();
        eventually().until(() -> {
            try (var folders = Files.list(WORK.resolve("watch"))) {
                return folders.map(f -> f.resolve(".failed").resolve(baseName + ".error.json"))
                        .filter(Files::exists).peek(found::set).findFirst().isPresent();
            }
        });
        return JSON.readTree(found.get().toFile());
    }

    private Map<String, Object> row(String originalName) {
        return jdbc.sql("SELECT * FROM post WHERE original_name = :name").param("name", originalName).query().singleRow();
    }

    private List<Map<String, Object>> rows(String originalName) {
        return jdbc.sql("SELECT * FROM post WHERE original_name = :name").param("name", originalName).query().listOfRows();
    }

    private Map<String, Object> accountState(Account account) {
        return jdbc.sql("SELECT * FROM account_state WHERE account = :account").param("account", account.name())
                .query().singleRow();
    }

    private List<SandboxSnapshot.MediaView> mediaWithCaption(Account account, String caption) {
        return sandbox.snapshot().publishedBy(account.igUserId()).stream().filter(m -> caption.equals(m.caption())).toList();
    }

    private long createCalls(Account account) {
        return sandbox.snapshot().calls(EndpointKind.CREATE_CONTAINER).stream()
                .filter(call -> account.igUserId().equals(call.igUserId())).count();
    }

    /** How many calls a fault rule answered. */
    private long hitsOf(FaultRule rule) {
        return sandbox.snapshot().calls(rule.endpoint()).stream().filter(call -> rule.id().equals(call.faultRuleId())).count();
    }

    private long publishCalls(Account account) {
        return sandbox.snapshot().calls(EndpointKind.MEDIA_PUBLISH).stream()
                .filter(call -> account.igUserId().equals(call.igUserId())).count();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a time: " + value);
    }

    private record Account(String name, String igUserId, String token) {
    }

    /** The app's clock: real time plus whatever the test moved it forward by. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
