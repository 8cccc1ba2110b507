package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The Business Use Case budget: usage headers on every answer, 80002 once the budget is spent. */
class CallBudgetTest extends SandboxTestSupport {

    private static final String LIMIT = V + SHOP + "/content_publishing_limit";

    @Override
    SandboxSettings.Builder customize(SandboxSettings.Builder settings) {
        return settings.bucCallBudget(10).bucWindow(Duration.ofHours(1));
    }

    @Test
    void reportsUsageOnEveryAnswer() {
        graph.get(LIMIT, SHOP_TOKEN);
        graph.get(LIMIT, SHOP_TOKEN);
        Answer third = graph.get(V + SHOP + "/media_publish", SHOP_TOKEN);

        assertGraphError(third, 100, 33);
        assertThat(third.bucUsage(SHOP).path("type").asText()).isEqualTo("instagram");
        assertThat(third.bucUsage(SHOP).path("call_count").asInt()).isEqualTo(30);
        assertThat(third.bucUsage(SHOP).path("estimated_time_to_regain_access").asInt()).isZero();
        assertThat(third.bucUsage(SHOP).has("total_cputime")).isTrue();
        assertThat(third.bucUsage(SHOP).has("total_time")).isTrue();
        assertThat(third.header("X-App-Usage")).hasValueSatisfying(h -> assertThat(h).contains("\"call_count\":30"));
        assertThat(sandbox.snapshot().account(SHOP).orElseThrow().bucCallCount()).isEqualTo(30);
    }

    @Test
    void throttlesWith80002OnceTheBudgetIsSpent() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(graph.get(LIMIT, SHOP_TOKEN).status()).isEqualTo(200);
        }

        Answer throttled = graph.get(LIMIT, SHOP_TOKEN);

        assertGraphError(throttled, 80002, null);
        assertThat(throttled.error().path("message").asText()).isEqualTo("(#80002) There have been too many calls "
                + "to this Instagram account. Wait a bit and try again.");
        assertThat(throttled.bucUsage(SHOP).path("call_count").asInt()).isEqualTo(100);
        assertThat(throttled.bucUsage(SHOP).path("estimated_time_to_regain_access").asInt()).isEqualTo(51);
        assertThat(graph.get(V + OTHER + "/content_publishing_limit", OTHER_TOKEN).status())
                .as("the budget is per account").isEqualTo(200);
        assertGraphError(publish("123"), 80002, null);

        clock.advance(Duration.ofMinutes(51));
        Answer regained = graph.get(LIMIT, SHOP_TOKEN);
        assertThat(regained.status()).as(regained.body()).isEqualTo(200);
        assertThat(sandbox.snapshot().calls(EndpointKind.PUBLISHING_LIMIT))
                .filteredOn(c -> Integer.valueOf(80002).equals(c.errorCode())).hasSize(1);
    }
}
