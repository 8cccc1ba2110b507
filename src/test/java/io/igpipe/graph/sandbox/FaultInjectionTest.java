package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Fault rules, set programmatically or through /__sandbox/faults, bend Graph answers the way production does. */
class FaultInjectionTest extends SandboxTestSupport {

    @Test
    void appliesAnErrorForItsNumberOfTimesThenStops() {
        FaultRule rule = sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).error(9007, 2207027)
                .times(2).build());
        String containerId = finishedContainer();

        Answer first = publish(containerId);
        Answer second = publish(containerId);
        Answer third = publish(containerId);

        assertGraphError(first, 9007, 2207027);
        assertThat(first.error().path("message").asText()).isEqualTo("Media ID is not available");
        assertGraphError(second, 9007, 2207027);
        assertThat(third.status()).as(third.body()).isEqualTo(200);
        assertThat(sandbox.faults().list()).isEmpty();
        assertThat(sandbox.snapshot().calls(EndpointKind.MEDIA_PUBLISH))
                .extracting(CallRecord::faultRuleId)
                .containsExactly(rule.id(), rule.id(), null);
        assertThat(sandbox.snapshot().media()).hasSize(1);
    }

    @Test
    void delaysAnswersByTheLatency() {
        String containerId = createLandscape().id();
        sandbox.faults().add(FaultRule.on(EndpointKind.CONTAINER_STATUS).latencyMs(400).build());

        long started = System.nanoTime();
        Answer answer = containerStatus(containerId);

        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        assertThat(answer.json().path("status_code").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void publishesBeforeTheClientTimesOut() throws Exception {
        String containerId = finishedContainer();
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).afterSuccess().latencyMs(3_000).build());
        HttpRequest impatient = graph.request(V + SHOP + "/media_publish")
                .timeout(Duration.ofMillis(300))
                .header("Authorization", "Bearer " + SHOP_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(GraphTestClient.formBody("creation_id", containerId))
                .build();

        assertThatThrownBy(() -> graph.sendRaw(impatient)).isInstanceOf(HttpTimeoutException.class);

        assertThat(sandbox.snapshot().publishedBy(SHOP)).hasSize(1);
        assertThat(containerStatus(containerId).json().path("status_code").asText()).isEqualTo("PUBLISHED");
        assertGraphError(publish(containerId), 24, 2207006);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(sandbox.snapshot().calls(EndpointKind.MEDIA_PUBLISH))
                        .extracting(CallRecord::httpStatus).contains(200));
    }

    @Test
    void answersAnErrorAfterReallyPublishing() {
        String containerId = finishedContainer();
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).afterSuccess().error(-1, 2207001)
                .httpStatus(500).build());

        Answer answer = publish(containerId);

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.code()).isEqualTo(-1);
        assertThat(answer.subcode()).isEqualTo(2207001);
        assertThat(answer.error().path("is_transient").asBoolean()).isTrue();
        assertThat(sandbox.snapshot().publishedBy(SHOP)).hasSize(1);
    }

    @Test
    void endsAContainerInErrorAfterProcessing() {
        sandbox.faults().add(FaultRule.on(EndpointKind.CREATE_CONTAINER)
                .containerOutcome(ContainerOutcome.error("Error: Media upload has failed with error code 2207026"))
                .build());
        String containerId = createLandscape().id();
        assertThat(containerStatus(containerId).json().path("status_code").asText()).isEqualTo("IN_PROGRESS");

        finishProcessing();

        Answer status = containerStatus(containerId);
        assertThat(status.json().path("status_code").asText()).isEqualTo("ERROR");
        assertThat(status.json().path("status").asText())
                .isEqualTo("Error: Media upload has failed with error code 2207026");
        assertGraphError(publish(containerId), 9007, 2207027);
        assertThat(containerStatus(createLandscape().id()).status()).as("the rule was used up").isEqualTo(200);
    }

    @Test
    void dropsTheConnectionWithoutAnswering() {
        String containerId = finishedContainer();
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).dropConnection().build());

        assertThatThrownBy(() -> graph.sendRaw(publishRequest(containerId))).isInstanceOf(IOException.class);

        assertThat(sandbox.snapshot().media()).isEmpty();
        assertThat(sandbox.snapshot().calls(EndpointKind.MEDIA_PUBLISH))
                .extracting(CallRecord::httpStatus).containsExactly(0);
    }

    @Test
    void dropsTheConnectionAfterReallyPublishing() {
        String containerId = finishedContainer();
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).afterSuccess().dropConnection().build());

        assertThatThrownBy(() -> graph.sendRaw(publishRequest(containerId))).isInstanceOf(IOException.class);

        assertThat(sandbox.snapshot().publishedBy(SHOP)).hasSize(1);
    }

    @Test
    void answersABareStatusLikeAnEdgeServer() {
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_LIST).httpStatus(502).build());
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_LIST).httpStatus(503).body("").build());

        Answer html = graph.get(V + SHOP + "/media", SHOP_TOKEN);
        Answer empty = graph.get(V + SHOP + "/media", SHOP_TOKEN);

        assertThat(html.status()).isEqualTo(502);
        assertThat(html.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(html.body()).contains("<html");
        assertThat(html.header("X-Business-Use-Case-Usage")).isEmpty();
        assertThat(empty.status()).isEqualTo(503);
        assertThat(empty.body()).isEmpty();
        assertThat(graph.get(V + SHOP + "/media", SHOP_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void overridesTheUsageHeader() {
        sandbox.faults().add(FaultRule.on(EndpointKind.PUBLISHING_LIMIT)
                .usage(FaultRule.UsageOverride.of(95, 7)).build());

        Answer answer = graph.get(V + SHOP + "/content_publishing_limit", SHOP_TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.bucUsage(SHOP).path("call_count").asInt()).isEqualTo(95);
        assertThat(answer.bucUsage(SHOP).path("estimated_time_to_regain_access").asInt()).isEqualTo(7);
    }

    @Test
    void targetsOneAccountOnAnyEndpoint() {
        sandbox.faults().add(FaultRule.onAnyEndpoint().forAccount(OTHER).error(2, null).untilCleared().build());

        assertThat(graph.get(V + "me?fields=username", SHOP_TOKEN).status()).isEqualTo(200);
        Answer other = graph.get(V + "me?fields=username", OTHER_TOKEN);
        assertGraphError(other, 2, null);
        assertThat(other.error().path("is_transient").asBoolean()).isTrue();
        assertGraphError(graph.get(V + OTHER + "/media", OTHER_TOKEN), 2, null);
        assertThat(sandbox.faults().list()).hasSize(1);
    }

    @Test
    void managesRulesThroughTheAdminEndpoint() {
        Answer added = admin("POST", "/__sandbox/faults", "{\"endpoint\":\"CONTAINER_STATUS\",\"times\":-1,"
                + "\"error\":{\"code\":1,\"message\":\"An unknown error has occurred.\",\"is_transient\":true}}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("id").asText()).isNotBlank();
        String containerId = createLandscape().id();

        for (int i = 0; i < 3; i++) {
            assertGraphError(containerStatus(containerId), 1, null);
        }
        Answer listed = admin("GET", "/__sandbox/faults", null);
        assertThat(listed.json().path("rules")).hasSize(1);
        assertThat(listed.json().path("rules").get(0).path("endpoint").asText()).isEqualTo("CONTAINER_STATUS");
        assertThat(listed.json().path("rules").get(0).path("times").asInt()).isEqualTo(-1);

        assertThat(admin("DELETE", "/__sandbox/faults", null).json().path("cleared").asInt()).isEqualTo(1);
        assertThat(containerStatus(containerId).status()).isEqualTo(200);
    }

    @Test
    void takesTheFullRuleModelAsJson() {
        Answer added = admin("POST", "/__sandbox/faults", "{\"endpoint\":\"CREATE_CONTAINER\",\"igUserId\":\""
                + SHOP + "\",\"times\":2,\"containerOutcome\":{\"status_code\":\"ERROR\",\"status\":\"Error: "
                + "Media upload has failed with error code 2207082\"},\"usage\":{\"call_count\":80,"
                + "\"estimated_time_to_regain_access\":0},\"latencyMs\":10}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        Answer created = createLandscape();
        finishProcessing();

        assertThat(created.bucUsage(SHOP).path("call_count").asInt()).isEqualTo(80);
        assertThat(containerStatus(created.id()).json().path("status").asText()).endsWith("2207082");
        assertThat(admin("GET", "/__sandbox/faults", null).json().path("rules").get(0).path("times").asInt())
                .isEqualTo(1);
        assertThat(admin("POST", "/__sandbox/faults", "{\"endpoint\":\"NOPE\"}").status()).isEqualTo(400);
        assertThat(admin("POST", "/__sandbox/faults", "{\"error\":{\"message\":\"no code\"}}").status())
                .isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({
            "1,", "1,2207057", "2,", "4,", "4,2207051", "9,2207042", "10,", "17,", "24,2207006", "24,2207008",
            "25,2207050", "32,", "100,", "100,33", "100,2207023", "100,2207028", "100,2207035", "100,2207036",
            "100,2207037", "100,2207040", "100,2207089", "110,2207018", "190,", "190,458", "190,459", "190,460",
            "190,463", "190,464", "190,467", "190,492", "200,", "299,", "352,2207026", "368,", "613,", "613,1996",
            "80002,", "9004,2207052", "9007,2207027", "36000,2207004", "36001,2207005", "36003,2207009",
            "36004,2207010", "-2,2207003", "-2,2207020", "-1,2207001", "-1,2207032", "-1,2207053",
            "100,2207024", "35001,"})
    void injectsEveryPublisherErrorRow(int code, Integer subcode) {
        admin("POST", "/__sandbox/faults", "{\"endpoint\":\"CREATE_CONTAINER\",\"error\":{\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + "}}");

        Answer answer = createLandscape();

        assertGraphError(answer, code, subcode);
        assertThat(answer.status()).isEqualTo(code == 10 || (code >= 200 && code <= 299) ? 403 : 400);
        assertThat(answer.error().path("message").asText()).isNotBlank();
        assertThat(sandbox.snapshot().containers()).isEmpty();
    }

    @Test
    void letsTheRuleChooseTheStatusAndTexts() {
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_LIST).error(new FaultRule.FaultError(80002, null,
                "custom", false, "Title", "User text")).httpStatus(429).build());

        Answer answer = graph.get(V + SHOP + "/media", SHOP_TOKEN);

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.error().path("message").asText()).isEqualTo("custom");
        assertThat(answer.error().path("is_transient").asBoolean()).isFalse();
        assertThat(answer.error().path("error_user_title").asText()).isEqualTo("Title");
        assertThat(answer.error().path("error_user_msg").asText()).isEqualTo("User text");
    }

    private HttpRequest publishRequest(String containerId) {
        return graph.request(V + SHOP + "/media_publish")
                .header("Authorization", "Bearer " + SHOP_TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(GraphTestClient.formBody("creation_id", containerId))
                .build();
    }

    private Answer admin(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return graph.send(graph.request(path).header("Content-Type", "application/json").method(method, body)
                .build());
    }
}
