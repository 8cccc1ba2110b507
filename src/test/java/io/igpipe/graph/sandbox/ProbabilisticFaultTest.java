package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fault rules with a probability hit a random share of the matching calls, reproducibly for a given seed. */
class ProbabilisticFaultTest extends SandboxTestSupport {

    private static final long SEED = 20_260_322L;

    @Override
    SandboxSettings.Builder customize(SandboxSettings.Builder settings) {
        return settings.faultSeed(SEED);
    }

    @Test
    void hitsAboutTheGivenShareOfCallsAndReplaysForTheSameSeed() throws IOException {
        sandbox.faults().add(FaultRule.on(EndpointKind.CONTAINER_STATUS).probability(0.3).untilCleared()
                .error(2, null).build());
        String containerId = createLandscape().id();

        List<Boolean> hits = hitsOnContainerStatus(graph, containerId, 1000);

        long hitCount = hits.stream().filter(hit -> hit).count();
        assertThat(hitCount).isBetween(220L, 380L);
        assertThat(sandbox.snapshot().calls(EndpointKind.CONTAINER_STATUS))
                .filteredOn(call -> call.faultRuleId() != null).hasSize((int) hitCount);
        assertThat(sandbox.faults().list()).singleElement().extracting(FaultRule::times)
                .isEqualTo(FaultRule.UNTIL_CLEARED);

        try (GraphSandbox replay = GraphSandbox.start(sandbox.settings())) {
            replay.registerAccount(SHOP, "igpipe_shop", SHOP_TOKEN);
            replay.faults().add(FaultRule.on(EndpointKind.CONTAINER_STATUS).probability(0.3).untilCleared()
                    .error(2, null).build());
            GraphTestClient replayGraph = new GraphTestClient(replay.baseUri());
            String replayContainerId = replayGraph.postForm(V + SHOP + "/media", SHOP_TOKEN,
                    "image_url", origin.url("/landscape.jpg")).id();

            assertThat(hitsOnContainerStatus(replayGraph, replayContainerId, 1000)).isEqualTo(hits);
        }
    }

    @Test
    void keepsItsTimesWhenSparedAndLetsTheNextRuleAnswer() {
        FaultRule chaos = sandbox.faults().add(FaultRule.on(EndpointKind.CONTAINER_STATUS).probability(0.25)
                .times(2).error(2, null).build());
        FaultRule fallback = sandbox.faults().add(FaultRule.on(EndpointKind.CONTAINER_STATUS).untilCleared()
                .error(1, null).build());
        String containerId = createLandscape().id();

        int fired = 0;
        int spared = 0;
        for (int call = 0; call < 200 && fired < 2; call++) {
            Answer answer = containerStatus(containerId);
            if (answer.code() == 2) {
                fired++;
            } else {
                assertGraphError(answer, 1, null);
                spared++;
            }
            if (fired < 2) {
                FaultRule stillActive = sandbox.faults().list().get(0);
                assertThat(stillActive.id()).isEqualTo(chaos.id());
                assertThat(stillActive.times()).as("after %d fired, %d spared", fired, spared).isEqualTo(2 - fired);
            }
        }

        assertThat(fired).isEqualTo(2);
        assertThat(spared).as("the seed must spare some calls for this test to mean anything").isPositive();
        assertThat(sandbox.faults().list()).extracting(FaultRule::id).containsExactly(fallback.id());
        assertGraphError(containerStatus(containerId), 1, null);
    }

    @Test
    void keepsTheProbabilityThroughTheAdminEndpoint() {
        Answer added = admin("POST", "/__sandbox/faults",
                "{\"endpoint\":\"CONTAINER_STATUS\",\"times\":-1,\"probability\":0.3,\"error\":{\"code\":2}}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("probability").asDouble()).isEqualTo(0.3);
        assertThat(sandbox.faults().list()).extracting(FaultRule::probability).containsExactly(0.3);

        JsonNode listed = admin("GET", "/__sandbox/faults", null).json().path("rules").get(0);
        assertThat(listed.path("probability").asDouble()).isEqualTo(0.3);

        Answer readded = admin("POST", "/__sandbox/faults", listed.toString());
        assertThat(readded.status()).as(readded.body()).isEqualTo(201);
        assertThat(sandbox.faults().list()).extracting(FaultRule::probability).containsExactly(0.3, 0.3);

        Answer always = admin("POST", "/__sandbox/faults", "{\"endpoint\":\"MEDIA_LIST\"}");
        assertThat(always.json().has("probability")).as("null means every call, so it is left out").isFalse();
        assertThat(sandbox.faults().list().get(2).probability()).isNull();
    }

    @Test
    void refusesAProbabilityOutsideZeroToOne() {
        assertThatThrownBy(() -> FaultRule.on(EndpointKind.ME).probability(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probability");
        assertThatThrownBy(() -> FaultRule.on(EndpointKind.ME).probability(1.5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("probability");
        assertThat(FaultRule.on(EndpointKind.ME).probability(1).build().probability()).isEqualTo(1.0);

        for (String probability : List.of("0", "1.5", "-0.2", "\"often\"")) {
            Answer refused = admin("POST", "/__sandbox/faults",
                    "{\"endpoint\":\"ME\",\"probability\":" + probability + "}");
            assertThat(refused.status()).as(probability).isEqualTo(400);
            assertThat(refused.json().path("error").asText()).as(probability).startsWith("probability must be");
        }
        assertThat(sandbox.faults().list()).isEmpty();
    }

    private static List<Boolean> hitsOnContainerStatus(GraphTestClient client, String containerId, int calls) {
        List<Boolean> hits = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            Answer answer = client.get(V + containerId + "?fields=status_code,status", SHOP_TOKEN);
            boolean hit = answer.status() != 200;
            if (hit) {
                assertThat(answer.code()).as(answer.body()).isEqualTo(2);
            }
            hits.add(hit);
        }
        return hits;
    }

    private Answer admin(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return graph.send(graph.request(path).header("Content-Type", "application/json").method(method, body)
                .build());
    }
}
