package io.igpipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.igpipe.graph.sandbox.GraphSandbox;
import io.igpipe.ingest.ApiTestClient.Multipart;
import io.igpipe.ingest.ApiTestClient.Reply;
import io.igpipe.ledger.AccountStates;
import io.igpipe.pipeline.PipelineTestSettings;
import io.igpipe.pipeline.TestPhotos;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP API end to end: the real application with the embedded Graph sandbox, called over loopback like any
 * client. Every answer is checked against the OpenAPI document the application serves ({@link ApiTestClient});
 * outcomes are checked where they matter: rows in the ledger, media in the sandbox, keys in the key table.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiIT {

    private static final Path WORK = PipelineTestSettings.newWorkDir("api-it");
    private static final String BOOTSTRAP_KEY = "bootstrap-" + UUID.randomUUID() + UUID.randomUUID();
    private static final String DEMO_IG_USER = "17841400000000001";
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final long MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
    private static final long MAX_DOWNLOAD_BYTES = 1024 * 1024;
    private static final AtomicLong PHOTO_SEED = new AtomicLong(1000);
    private static HttpServer mediaServer;
    private static final CountDownLatch RELEASE_STALLED_DOWNLOADS = new CountDownLatch(1);

    /** Settings that make the pipeline fast and the API's limits small enough to reach in a test. */
    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        Map<String, String> settings = new java.util.LinkedHashMap<>(PipelineTestSettings.fastPipeline(WORK));
        settings.putAll(Map.ofEntries(
                Map.entry("igpipe.accounts[0].name", "demo"),
                Map.entry("igpipe.accounts[0].ig-user-id", DEMO_IG_USER),
                Map.entry("igpipe.accounts[0].access-token", "sandbox-demo-token"),
                Map.entry("igpipe.accounts[1].name", "second"),
                Map.entry("igpipe.accounts[1].ig-user-id", "17841400000000002"),
                Map.entry("igpipe.accounts[1].access-token", "second-token-must-not-leak"),
                Map.entry("igpipe.api.bootstrap-key", BOOTSTRAP_KEY),
                Map.entry("igpipe.api.downloads.allow-private-addresses", "true"),
                Map.entry("igpipe.api.downloads.max-file-bytes", String.valueOf(MAX_DOWNLOAD_BYTES)),
                Map.entry("igpipe.api.downloads.read-timeout", "500ms"),
                Map.entry("igpipe.api.max-json-bytes", "65536"),
                Map.entry("spring.servlet.multipart.max-file-size", String.valueOf(MAX_UPLOAD_BYTES)),
                Map.entry("spring.servlet.multipart.max-request-size", String.valueOf(2 * MAX_UPLOAD_BYTES))));
        settings.forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GraphSandbox sandbox;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    ApiSettings apiSettings;

    @Autowired
    AccountStates accountStates;

    ApiTestClient api;
    /** A key of this test's own, so one test's requests never spend another's budget. */
    String key;

    @BeforeAll
    static void startMediaServer() throws IOException {
        mediaServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mediaServer.createContext("/stall", exchange -> {
            exchange.sendResponseHeaders(200, 1024);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
                body.flush();
                RELEASE_STALLED_DOWNLOADS.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        mediaServer.setExecutor(Executors.newCachedThreadPool());
        mediaServer.start();
    }

    @AfterAll
    static void stopMediaServer() {
        RELEASE_STALLED_DOWNLOADS.countDown();
        mediaServer.stop(0);
    }

    @BeforeEach
    void newClientAndKey() {
        api = new ApiTestClient(port);
        key = apiKeys.create("test-" + UUID.randomUUID()).key();
    }

    // ---- authentication ------------------------------------------------------------------------------------

    @Test
    void everyEndpointButTheContractNeedsAKeyAndA401LeaksNothing() {
        ApiKeys.CreatedKey revoked = apiKeys.create("soon revoked");
        assertThat(apiKeys.revoke(revoked.displayId())).isTrue();
        String unknown = "igp_zzzzzzzz_" + "A".repeat(43);
        String revokedPostId = "no-such-post";
        for (String path : List.of("/api/v1/posts", "/api/v1/posts/" + revokedPostId, "/api/v1/dead-letters",
                "/api/v1/accounts")) {
            Reply missing = api.get(path, null);
            assertError(missing, 401, "AUTH_REQUIRED");
            assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer");

            Reply invalid = api.get(path, unknown);
            Reply wasRevoked = api.get(path, revoked.key());
            Reply notBearer = api.send(api.request(path, null).header("Authorization", "Basic " + unknown).GET(),
                    "GET", path);
            assertError(invalid, 401, "AUTH_INVALID_KEY");
            assertError(wasRevoked, 401, "AUTH_INVALID_KEY");
            assertError(notBearer, 401, "AUTH_REQUIRED");
            assertThat(withoutRequestId(wasRevoked)).as("a revoked key is refused exactly like an unknown one")
                    .isEqualTo(withoutRequestId(invalid));
            for (Reply refusal : List.of(invalid, wasRevoked, notBearer)) {
                assertThat(refusal.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"igpipe\"");
                assertThat(refusal.body()).doesNotContain(unknown).doesNotContain(revoked.key())
                        .doesNotContain(revoked.displayId()).doesNotContain("igp_zzzz");
            }
        }
        assertError(api.delete("/api/v1/posts/x", null), 401, "AUTH_REQUIRED");
        assertError(api.postJson("/api/v1/posts/x/retry", null, "{}", null), 401, "AUTH_REQUIRED");
        assertError(api.postJson("/api/v1/posts", unknown, "{}", null), 401, "AUTH_INVALID_KEY");
        // an upload without a valid key is refused before its body is read: 401, not the 413 reading it would give
        Reply unreadUpload = api.postMultipart(unknown, new ApiTestClient.Multipart().post("{\"account\":\"demo\"}")
                .file("big.jpg", new byte[(int) MAX_UPLOAD_BYTES + 1024]), null);
        assertError(unreadUpload, 401, "AUTH_INVALID_KEY");
        assertThat(unreadUpload.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"igpipe\"");
        assertThat(unreadUpload.body()).doesNotContain(unknown);

        Reply contract = api.get("/api/v1/openapi.json", null);
        assertThat(contract.status()).isEqualTo(200);
        assertThat(contract.json().get("openapi").asText()).startsWith("3.");
        assertThat(api.get("/actuator/health", null).status()).isIn(200, 503);
        assertThat(api.get("/media/nothing-here.jpg", null).status()).isNotEqualTo(401);
    }

    @Test
    void theBootstrapKeyWorksAndOnlyItsDigestIsStored() {
        assertThat(api.get("/api/v1/accounts", BOOTSTRAP_KEY).status()).isEqualTo(200);
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM api_key WHERE origin = 'BOOTSTRAP'").query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("KEY_SHA256")).isEqualTo(io.igpipe.Sha256.hex(BOOTSTRAP_KEY));
        assertThat(apiKeys.registerBootstrapKey(BOOTSTRAP_KEY)).as("registering again is harmless").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE origin = 'BOOTSTRAP'").query(Long.class).single())
                .isEqualTo(1);
        assertNoPlaintextKeyStored(BOOTSTRAP_KEY);
    }

    @Test
    void theKeyCommandCreatesListsAndRevokesKeys() {
        String dataDir = "--igpipe.data-dir=" + WORK.resolve("data");
        CommandRun created = runCommand("api-key", "create", "--name", "ci pipeline", dataDir);
        assertThat(created.exitCode()).as(created.err()).isZero();
        String newKey = created.out().lines().filter(line -> line.startsWith("igp_")).findFirst().orElseThrow();
        String displayId = newKey.substring(0, newKey.indexOf('_', "igp_".length()));
        assertThat(api.get("/api/v1/posts?limit=1", newKey).status()).isEqualTo(200);
        assertNoPlaintextKeyStored(newKey);

        CommandRun listed = runCommand("list", dataDir);
        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains(displayId).contains("ci pipeline").doesNotContain(newKey);

        CommandRun revoked = runCommand("revoke", displayId, dataDir);
        assertThat(revoked.exitCode()).as(revoked.err()).isZero();
        assertError(api.get("/api/v1/posts?limit=1", newKey), 401, "AUTH_INVALID_KEY");
        assertThat(runCommand("revoke", displayId, dataDir).exitCode()).as("already revoked").isEqualTo(1);
        assertThat(runCommand("frobnicate", dataDir).exitCode()).isEqualTo(2);
    }

    // ---- submitting ----------------------------------------------------------------------------------------

    @Test
    void aPhotoSubmittedAsMultipartIsPublishedAndCanBeDeletedFromInstagram() {
        String caption = "through the API #api-" + UUID.randomUUID();
        Reply accepted = api.postMultipart(key, new Multipart()
                .post("{\"account\":\"demo\",\"caption\":\"" + caption + "\",\"alt_text\":\"a gradient\"}")
                .file("sunset.jpg", photo()), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode answer = accepted.json();
        String id = answer.get("id").asText();
        assertThat(answer.get("statusUrl").asText()).isEqualTo("/api/v1/posts/" + id);
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/posts/" + id);
        assertThat(answer.get("warnings").isArray()).isTrue();

        JsonNode published = awaitState(id, "PUBLISHED");
        assertThat(published.get("type").asText()).isEqualTo("IMAGE");
        String mediaId = published.get("mediaId").asText();
        assertThat(sandbox.snapshot().publishedBy(DEMO_IG_USER)).anyMatch(media -> media.id().equals(mediaId));
        assertThat(sandbox.snapshot().mediaById(mediaId).orElseThrow().caption()).isEqualTo(caption);

        Reply deleted = api.delete("/api/v1/posts/" + id, key);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("state").asText()).isEqualTo("DELETED");
        assertThat(deleted.json().get("deletedAt").asText()).isNotBlank();
        assertThat(sandbox.snapshot().publishedBy(DEMO_IG_USER)).noneMatch(media -> media.id().equals(mediaId));
        assertThat(ledgerState(id)).isEqualTo("DELETED");

        assertError(api.delete("/api/v1/posts/" + id, key), 409, "INVALID_STATUS");
    }

    @Test
    void aPublishedStoryIsNotDeleted() {
        String id = submitPhoto("{\"account\":\"demo\",\"caption\":\"soon a story #api-story-" + UUID.randomUUID() + "\"}");
        String mediaId = awaitState(id, "PUBLISHED").get("mediaId").asText();
        // stories publish through the lead's pipeline; the rule under test only needs a published story row
        jdbc.sql("UPDATE post SET post_type = 'STORIES' WHERE id = :id").param("id", id).update();

        Reply refused = api.delete("/api/v1/posts/" + id, key);
        assertError(refused, 409, "INVALID_STATUS");
        assertThat(refused.json().get("error").asText()).contains("Stories cannot be deleted");
        assertThat(ledgerState(id)).isEqualTo("PUBLISHED");
        assertThat(sandbox.snapshot().publishedBy(DEMO_IG_USER)).anyMatch(media -> media.id().equals(mediaId));
    }

    @Test
    void aScheduledPostIsCancelledBeforeItIsPublished() {
        String publishAt = OffsetDateTime.now().plusDays(2).withNano(0).toString();
        Reply accepted = api.postMultipart(key, new Multipart()
                .post("{\"account\":\"demo\",\"publish_at\":\"" + publishAt + "\"}").file("later.jpg", photo()), null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("id").asText();
        assertThat(OffsetDateTime.parse(accepted.json().get("publishAt").asText()))
                .isAtSameInstantAs(OffsetDateTime.parse(publishAt));

        // a worker may hold the post for a moment (preparing it): the API then says to come back
        Reply cancelled = await().atMost(DEADLINE).until(() -> api.delete("/api/v1/posts/" + id, key),
                reply -> reply.status() != 409 || reply.json().get("retryAfter").isNull());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelledAt").asText()).isNotBlank();
        Map<String, Object> row = ledgerRow(id);
        assertThat(row).containsEntry("STATE", "CANCELLED").containsEntry("ACTIVE_CONTENT_HASH", null);
        assertError(api.delete("/api/v1/posts/" + id, key), 409, "INVALID_STATUS");
        assertError(api.delete("/api/v1/posts/no-such-post", key), 404, "NOT_FOUND");
    }

    @Test
    void mediaUrlsAreDownloadedWithinTheirLimits() throws IOException {
        byte[] photo = photo();
        byte[] tooLarge = new byte[(int) MAX_DOWNLOAD_BYTES + 1];
        System.arraycopy(photo, 0, tooLarge, 0, photo.length);
        serve("/photo.jpg", photo);
        serve("/huge.jpg", tooLarge);
        serve("/notes.txt", "just text".getBytes(StandardCharsets.UTF_8));

        Reply accepted = api.postJson("/api/v1/posts", key, "{\"account\":\"demo\",\"media_urls\":[\""
                + mediaUrl("/photo.jpg?signature=secret-signature") + "\"]}", null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode post = api.get("/api/v1/posts/" + accepted.json().get("id").asText(), key).json();
        assertThat(post.get("originalName").asText()).isEqualTo("photo.jpg");

        Reply huge = submitUrls(mediaUrl("/huge.jpg"));
        assertError(huge, 400, "MEDIA_INVALID");
        assertThat(huge.json().at("/details/limitBytes").asLong()).isEqualTo(MAX_DOWNLOAD_BYTES);

        Reply stalled = submitUrls(mediaUrl("/stall"));
        assertError(stalled, 400, "MEDIA_INVALID");
        assertThat(stalled.json().get("error").asText()).contains("stalled");

        Reply missing = submitUrls(mediaUrl("/nothing-here.jpg?token=secret-token"));
        assertError(missing, 400, "MEDIA_INVALID");
        assertThat(missing.body()).contains("404").doesNotContain("secret-token");

        assertError(submitUrls(mediaUrl("/notes.txt")), 400, "INVALID_MEDIA_TYPE");
        assertError(submitUrls("ftp://127.0.0.1/photo.jpg"), 400, "INVALID_PARAM");
        try (var leftovers = Files.list(WORK.resolve("data").resolve("api-staging"))) {
            assertThat(leftovers.toList()).as("staging folders are removed when their request ends").isEmpty();
        }
    }

    // ---- idempotency ---------------------------------------------------------------------------------------

    @Test
    void theSameIdempotencyKeyNeverMakesASecondPost() throws Exception {
        byte[] photo = photo();
        String fields = "{\"account\":\"demo\",\"caption\":\"once only #api-idem\"}";
        String idempotencyKey = UUID.randomUUID().toString();

        Reply first = api.postMultipart(key, new Multipart().post(fields).file("once.jpg", photo), idempotencyKey);
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        Reply repeat = api.postMultipart(key, new Multipart().post(fields).file("once.jpg", photo), idempotencyKey);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.json().get("id").asText()).isEqualTo(first.json().get("id").asText());

        Reply different = api.postMultipart(key, new Multipart().post(fields.replace("once", "twice"))
                .file("once.jpg", photo), idempotencyKey);
        assertError(different, 409, "IDEMPOTENCY_KEY_REUSED");
        assertThat(postsWithIdempotencyKey(idempotencyKey)).isEqualTo(1);

        String otherKey = apiKeys.create("another client").key();
        Reply sameKeyOtherClient = api.postMultipart(otherKey, new Multipart().post(fields)
                .file("once.jpg", photo), idempotencyKey);
        assertError(sameKeyOtherClient, 409, "DUPLICATE_CONTENT");

        String racedKey = UUID.randomUUID().toString();
        byte[] racedPhoto = photo();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 6; i++) {
                replies.add(clients.submit(() -> {
                    start.await();
                    return new ApiTestClient(port).postMultipart(key, new Multipart()
                            .post("{\"account\":\"demo\",\"caption\":\"raced #api-race\"}")
                            .file("raced.jpg", racedPhoto), racedKey);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Reply> reply : replies) {
                Reply answer = reply.get();
                assertThat(answer.status()).as(answer.body()).isIn(200, 202);
                ids.add(answer.json().get("id").asText());
            }
            assertThat(ids).hasSize(1);
            assertThat(postsWithIdempotencyKey(racedKey)).isEqualTo(1);
        } finally {
            clients.shutdownNow();
        }
    }

    // ---- listing and accounts ------------------------------------------------------------------------------

    @Test
    void postsAreListedNewestFirstPageByPage() {
        List<String> submitted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            submitted.add(submitPhoto("{\"account\":\"second\",\"caption\":\"listed " + i + "\"}"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Reply page = api.get("/api/v1/posts?account=second&limit=2" + (cursor == null ? "" : "&cursor=" + cursor), key);
            assertThat(page.status()).isEqualTo(200);
            JsonNode posts = page.json().get("posts");
            assertThat(posts.size()).isLessThanOrEqualTo(2);
            posts.forEach(post -> seen.add(post.get("id").asText()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(submitted);
        assertThat(seen.subList(seen.size() - 3, seen.size()))
                .as("newest first: the earliest of ours comes last").containsExactly(
                        submitted.get(2), submitted.get(1), submitted.get(0));

        Reply filtered = api.get("/api/v1/posts?status=cancelled&account=second", key);
        assertThat(filtered.json().get("posts")).isEmpty();
        assertError(api.get("/api/v1/posts?status=LOST", key), 400, "INVALID_PARAM");
        assertError(api.get("/api/v1/posts?limit=0", key), 400, "INVALID_PARAM");
        assertError(api.get("/api/v1/posts?cursor=not-a-cursor", key), 400, "INVALID_PARAM");
    }

    @Test
    void accountsShowTheirStateButNeverTheirToken() {
        accountStates.pause("second", "GRAPH_AUTH", "Error validating access token (code 190)");
        try {
            Reply accounts = api.get("/api/v1/accounts", key);
            assertThat(accounts.status()).isEqualTo(200);
            assertThat(accounts.body()).doesNotContain("sandbox-demo-token").doesNotContain("second-token-must-not-leak");
            JsonNode demo = accountNamed(accounts.json(), "demo");
            assertThat(demo.at("/token/state").asText()).isEqualTo("ok");
            assertThat(demo.get("postsWaiting").isIntegralNumber()).isTrue();
            assertThat(demo.has("quota")).isTrue();
            JsonNode second = accountNamed(accounts.json(), "second");
            assertThat(second.at("/token/state").asText()).isEqualTo("paused");
            assertThat(second.at("/token/code").asText()).isEqualTo("GRAPH_AUTH");
            assertThat(second.at("/token/reason").asText()).contains("code 190");

            Reply refused = api.postMultipart(key, new Multipart().post("{\"account\":\"second\"}")
                    .file("paused.jpg", photo()), null);
            assertError(refused, 409, "ACCOUNT_PAUSED");
        } finally {
            accountStates.resume("second");
        }
    }

    // ---- refusals ------------------------------------------------------------------------------------------

    @Test
    void everyRefusalOfASubmissionHasItsOwnCode() {
        byte[] photo = photo();
        assertError(multipart("{\"account\":\"demo\",\"colour\":\"red\"}", photo), 400, "VALIDATION_ERROR");
        assertError(api.postMultipart(key, new Multipart().post("{\"account\":\"demo\"}"), null), 400, "MISSING_PARAM");
        assertError(multipart("{\"account\":\"nobody\"}", photo), 400, "INVALID_PARAM");
        assertError(multipart("{\"account\":\"demo\",\"publish_at\":\"2001-01-01T00:00:00Z\"}", photo), 400,
                "INVALID_SCHEDULE");
        assertError(multipart("{\"account\":\"demo\",\"publish_at\":\"tomorrow\"}", photo), 400, "INVALID_PARAM");
        assertError(api.postMultipart(key, new Multipart().post("{\"account\":\"demo\"}")
                .file("notes.txt", "not a photo".getBytes(StandardCharsets.UTF_8)), null), 400, "INVALID_MEDIA_TYPE");
        assertError(multipart("{\"account\":\"demo\",\"type\":\"CAROUSEL\"}", photo), 400, "INVALID_CAROUSEL");
        List<byte[]> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(photo);
        }
        assertError(api.postMultipart(key, new Multipart().post("{\"account\":\"demo\"}").files(eleven), null), 400,
                "INVALID_CAROUSEL");
        assertError(multipart("{\"account\":\"demo\",\"user_tags\":[{\"username\":\"ann\",\"x\":2,\"y\":0.5}]}", photo),
                400, "INVALID_TAGS");
        assertError(multipart("{\"account\":\"demo\",\"type\":\"STORIES\",\"user_tags\":[{\"username\":\"ann\","
                + "\"x\":0.5,\"y\":0.5}]}", photo), 400, "INVALID_TAGS");
        assertError(multipart("{\"account\":\"demo\",\"collaborators\":[\"a\",\"b\",\"c\",\"d\"]}", photo), 400,
                "INVALID_COLLABORATORS");
        assertError(multipart("{\"account\":\"demo\",\"type\":\"STORIES\",\"collaborators\":[\"a\"]}", photo), 400,
                "INVALID_COLLABORATORS");
        assertError(multipart("{\"account\":\"demo\",\"caption\":\"" + "#tag ".repeat(31) + "\"}", photo), 400,
                "CAPTION_TOO_LONG");
        Reply carouselAltText = api.postMultipart(key, new Multipart()
                .post("{\"account\":\"demo\",\"alt_text\":\"where?\"}").files(List.of(photo, photo())), null);
        assertError(carouselAltText, 400, "INVALID_PARAM");
        assertThat(carouselAltText.json().get("error").asText()).contains("items[i]");
        assertError(api.postJson("/api/v1/posts", key, "{\"account\":\"demo\"}", null), 400, "MISSING_PARAM");
        assertError(api.postJson("/api/v1/posts", key, "not json", null), 400, "VALIDATION_ERROR");
        assertError(api.postJson("/api/v1/posts", key, "{\"caption\":\"" + "x".repeat(70_000) + "\"}", null), 413,
                "PAYLOAD_TOO_LARGE");
        assertError(api.postMultipart(key, new Multipart().post("{\"account\":\"demo\"}")
                .file("big.jpg", new byte[(int) MAX_UPLOAD_BYTES + 1024]), null), 413, "PAYLOAD_TOO_LARGE");
        assertError(api.postMultipart(key, new Multipart().post("{\"account\":\"demo\"}").file("x.jpg", photo),
                "k".repeat(300)), 400, "INVALID_PARAM");
        assertThat(postsWithCaptionLike("#tag #tag")).isZero();
    }

    @Test
    void aBusyKeyIsRateLimitedWithRetryAfter() {
        int burst = apiSettings.getRateLimit().getBurst();
        int perMinute = apiSettings.getRateLimit().getRequestsPerMinute();
        apiSettings.getRateLimit().setBurst(3);
        apiSettings.getRateLimit().setRequestsPerMinute(6);
        try {
            String limited = apiKeys.create("busy client").key();
            for (int i = 0; i < 3; i++) {
                assertThat(api.get("/api/v1/accounts", limited).status()).isEqualTo(200);
            }
            Reply refused = api.get("/api/v1/accounts", limited);
            assertError(refused, 429, "RATE_LIMITED");
            long retryAfter = refused.json().get("retryAfter").asLong();
            assertThat(retryAfter).isBetween(1L, 10L);
            assertThat(refused.header("Retry-After")).isEqualTo(String.valueOf(retryAfter));
            assertThat(api.get("/api/v1/accounts", key).status()).as("other keys keep their budget").isEqualTo(200);
        } finally {
            apiSettings.getRateLimit().setBurst(burst);
            apiSettings.getRateLimit().setRequestsPerMinute(perMinute);
        }
    }

    @Test
    void anUnexpectedFailureAnswersInternalErrorWithoutDetails() throws IOException {
        Path notAFolder = Files.writeString(WORK.resolve("staging-is-a-file"), "x");
        Path staging = apiSettings.getStagingDir();
        apiSettings.setStagingDir(notAFolder);
        try {
            Reply failed = multipart("{\"account\":\"demo\"}", photo());
            assertError(failed, 500, "INTERNAL_ERROR");
            assertThat(failed.body()).doesNotContain(notAFolder.toString()).doesNotContain("Exception");
        } finally {
            apiSettings.setStagingDir(staging);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** The error envelope, its code and status, and the request id both in the body and the header. */
    private static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode body = reply.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("code", "error", "details", "retryAfter", "requestId");
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(ApiErrorCode.valueOf(code).status()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(reply.header("X-Request-Id")).isNotBlank().isEqualTo(body.get("requestId").asText());
        assertThat(reply.body()).doesNotContain("sandbox-demo-token").doesNotContain(BOOTSTRAP_KEY);
    }

    private static JsonNode withoutRequestId(Reply reply) {
        ObjectNode body = (ObjectNode) reply.json();
        body.remove("requestId");
        return body;
    }

    private Reply multipart(String fields, byte[] photo) {
        return api.postMultipart(key, new Multipart().post(fields).file("photo.jpg", photo), null);
    }

    private Reply submitUrls(String url) {
        return api.postJson("/api/v1/posts", key, "{\"account\":\"demo\",\"media_urls\":[\"" + url + "\"]}", null);
    }

    private String submitPhoto(String fields) {
        Reply accepted = multipart(fields, photo());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("id").asText();
    }

    private JsonNode awaitState(String id, String state) {
        return await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> api.get("/api/v1/posts/" + id, key).json(),
                        post -> state.equals(post.get("state").asText()) || "FAILED".equals(post.get("state").asText()));
    }

    private static JsonNode accountNamed(JsonNode answer, String name) {
        for (JsonNode account : answer.get("accounts")) {
            if (name.equals(account.get("name").asText())) {
                return account;
            }
        }
        throw new AssertionError("no account " + name + " in " + answer);
    }

    private String ledgerState(String id) {
        return (String) ledgerRow(id).get("STATE");
    }

    private Map<String, Object> ledgerRow(String id) {
        return jdbc.sql("SELECT * FROM post WHERE id = :id").param("id", id).query().singleRow();
    }

    private long postsWithIdempotencyKey(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM post WHERE idempotency_key = :key").param("key", idempotencyKey)
                .query(Long.class).single();
    }

    private long postsWithCaptionLike(String text) {
        return jdbc.sql("SELECT COUNT(*) FROM post WHERE caption LIKE :text").param("text", "%" + text + "%")
                .query(Long.class).single();
    }

    private void assertNoPlaintextKeyStored(String secret) {
        long holding = jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_sha256 = :key OR display_id = :key OR name = :key")
                .param("key", secret).query(Long.class).single();
        assertThat(holding).isZero();
    }

    private record CommandRun(int exitCode, String out, String err) {
    }

    /** The documented api-key command, run in this JVM through the same entry point as its main method. */
    private static CommandRun runCommand(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = ApiKeyCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new CommandRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static byte[] photo() {
        try {
            return TestPhotos.jpeg(TestPhotos.photo(640, 640, PHOTO_SEED.incrementAndGet(), false), 0.85f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void serve(String path, byte[] content) {
        mediaServer.createContext(path, exchange -> {
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(content);
            }
        });
    }

    private static String mediaUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + mediaServer.getAddress().getPort() + pathAndQuery;
    }
}
