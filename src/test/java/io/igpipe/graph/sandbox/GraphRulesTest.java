package io.igpipe.graph.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small rules that need no server: captions, fields, ids, timestamps, fault rule matching. */
class GraphRulesTest {

    @Test
    void countsHashtagsAndMentionsAsInstagramDoes() {
        CaptionRules.check("#a ".repeat(30) + "me@example.com a#b " + "@x ".repeat(20));

        assertThatThrownBy(() -> CaptionRules.check("#a ".repeat(31)))
                .isInstanceOfSatisfying(GraphErrorException.class, e -> assertThat(e.error().code()).isEqualTo(36004));
        assertThatThrownBy(() -> CaptionRules.check("😀".repeat(2201)))
                .as("characters, not UTF-16 units").isInstanceOf(GraphErrorException.class);
        CaptionRules.check("😀".repeat(2200));
    }

    @Test
    void parsesExpandedFields() {
        FieldSelection fields = FieldSelection.parse("id, caption,children{id,media_url},owner");

        assertThat(fields.fields()).extracting(FieldSelection.Field::name)
                .containsExactly("id", "caption", "children", "owner");
        assertThat(fields.fields().get(2).nested().fields()).extracting(FieldSelection.Field::name)
                .containsExactly("id", "media_url");
        assertThat(FieldSelection.parse(null).isEmpty()).isTrue();
    }

    @Test
    void formatsTimestampsAsGraph() {
        assertThat(GraphTimestamps.format(Instant.parse("2026-11-22T01:23:45.678Z")))
                .isEqualTo("2026-11-22T01:23:45+0000");
    }

    @Test
    void issuesDistinctSeventeenDigitIds() {
        IdSequence ids = new IdSequence();
        String first = ids.next();
        ids.advancePast("17999999999999000");

        assertThat(first).matches("\\d{17}");
        assertThat(Long.parseLong(ids.next())).isGreaterThan(17999999999999000L);
        assertThat(Shortcode.of("17999999999999000")).matches("[A-Za-z0-9_-]{9,11}");
        assertThat(FbTraceId.next()).matches("[A-Za-z0-9_-]{23}").isNotEqualTo(FbTraceId.next());
    }

    @Test
    void consumesTheFirstMatchingRule() {
        FaultRules rules = new FaultRules();
        FaultRule forOther = rules.add(FaultRule.on(EndpointKind.MEDIA_PUBLISH).forAccount("2").error(1, null)
                .build());
        FaultRule any = rules.add(FaultRule.onAnyEndpoint().error(2, null).times(2).build());

        assertThat(rules.consume(EndpointKind.MEDIA_PUBLISH, "1", "1")).contains(any);
        assertThat(rules.consume(EndpointKind.MEDIA_PUBLISH, "2", "2")).contains(forOther);
        assertThat(rules.list()).extracting(FaultRule::times).containsExactly(1);
        assertThat(rules.consume(EndpointKind.ME, "1", "me")).isPresent();
        assertThat(rules.consume(EndpointKind.ME, "1", "me")).isEmpty();
        assertThatThrownBy(() -> FaultRule.on(EndpointKind.ME).times(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultRule.on(EndpointKind.ME).containerOutcome(ContainerOutcome.stuckInProgress())
                .build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillsInjectedErrorsFromThePublisherTable() {
        GraphError quota = FaultRule.FaultError.of(9, 2207042).toGraphError(null);

        assertThat(quota.message()).isEqualTo("Application request limit reached");
        assertThat(quota.userMessage()).contains("maximum number of posts");
        assertThat(quota.httpStatus()).isEqualTo(400);
        assertThat(FaultRule.FaultError.of(200, null).toGraphError(null).httpStatus()).isEqualTo(403);
        assertThat(FaultRule.FaultError.of(12345, null).toGraphError(null).message()).startsWith("(#12345)");
    }
}
