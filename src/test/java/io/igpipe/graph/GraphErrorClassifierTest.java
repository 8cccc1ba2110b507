package io.igpipe.graph;

import static io.igpipe.graph.GraphErrorCategory.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the classification table: every row of graph-api.md section 6.2, plus the codes our own guide adds. */
class GraphErrorClassifierTest {

    /** One line per table row (code, subcode, is_transient, category); every GraphErrorRule must be hit. */
    static Stream<Arguments> pinnedTable() {
        return Stream.of(
                // graph-api.md section 6.2
                row(1, null, null, TRANSIENT),
                row(1, 2207057, null, INVALID),
                row(2, null, null, TRANSIENT),
                row(4, null, null, RATE_LIMIT),
                row(4, null, true, RATE_LIMIT),
                row(4, 2207051, null, POLICY),
                row(9, 2207042, null, PUBLISH_QUOTA),
                row(10, null, null, AUTH),
                row(10, 9053, null, AUTH),
                row(17, null, null, RATE_LIMIT),
                row(24, 2207006, null, NOT_READY),
                row(24, 2207008, null, NOT_READY),
                row(25, 2207050, null, POLICY),
                row(32, null, null, RATE_LIMIT),
                row(100, null, null, INVALID),
                row(100, 33, null, TRANSIENT),
                row(100, 2207023, null, INVALID),
                row(100, 2207028, null, CAROUSEL),
                row(100, 2207035, null, INVALID),
                row(100, 2207036, null, INVALID),
                row(100, 2207037, null, INVALID),
                row(100, 2207040, null, INVALID),
                row(100, 2207089, null, INVALID),
                row(100, 2207999, null, INVALID),
                // The code's own row comes before subcode-only rows.
                row(100, 2207026, null, INVALID),
                row(110, 2207018, null, INVALID),
                row(190, null, null, AUTH),
                row(190, 458, null, AUTH),
                row(190, 459, null, AUTH),
                row(190, 460, null, AUTH),
                row(190, 463, null, AUTH),
                row(190, 464, null, AUTH),
                row(190, 467, null, AUTH),
                row(190, 492, null, AUTH),
                row(199, null, null, UNKNOWN),
                row(200, null, null, AUTH),
                row(250, null, null, AUTH),
                row(299, null, null, AUTH),
                row(300, null, null, UNKNOWN),
                row(352, 2207026, null, MEDIA),
                row(368, null, null, POLICY),
                row(613, null, null, RATE_LIMIT),
                row(613, 1996, null, RATE_LIMIT),
                row(80002, null, null, RATE_LIMIT),
                row(9004, 2207052, null, MEDIA),
                row(9007, 2207027, null, NOT_READY),
                row(36000, 2207004, null, MEDIA),
                row(36001, 2207005, null, MEDIA),
                row(36003, 2207009, null, MEDIA),
                row(36004, 2207010, null, INVALID),
                row(-2, 2207003, null, TRANSIENT),
                row(-2, 2207020, null, NOT_READY),
                row(-1, 2207001, null, TRANSIENT),
                row(-1, 2207032, null, TRANSIENT),
                row(-1, 2207053, null, MEDIA),
                // Codes our own guide adds
                row(-1, null, null, TRANSIENT),
                row(9, null, null, RATE_LIMIT),
                row(12, null, null, INVALID),
                row(25, null, null, POLICY),
                row(102, null, null, AUTH),
                row(104, null, null, AUTH),
                row(80001, null, null, RATE_LIMIT),
                row(100, 2207024, null, CAROUSEL),
                row(35001, null, null, CAROUSEL),
                // Subcodes that decide whatever the code
                row(999, 2207024, null, CAROUSEL),
                row(null, 2207024, null, CAROUSEL),
                row(999, 2207026, null, MEDIA),
                row(999, 2207052, null, MEDIA),
                row(999, 2207032, null, TRANSIENT),
                row(null, 2207076, null, TRANSIENT),
                row(null, 2207077, null, MEDIA),
                row(null, 2207082, null, TRANSIENT),
                row(null, 2207085, null, MEDIA),
                row(null, 2207001, null, TRANSIENT),
                row(null, 2207003, null, TRANSIENT),
                // Codes without their documented subcode
                row(24, null, null, NOT_READY),
                row(-2, null, null, TRANSIENT),
                row(9007, null, null, NOT_READY),
                row(352, null, null, MEDIA),
                row(36000, null, null, MEDIA),
                row(36001, null, null, MEDIA),
                row(36003, null, null, MEDIA),
                row(9004, null, null, MEDIA),
                row(36004, null, null, INVALID),
                // Not in the table
                row(36002, null, null, UNKNOWN),
                row(36002, null, true, TRANSIENT),
                row(null, null, true, TRANSIENT),
                row(null, null, null, UNKNOWN));
    }

    private static Arguments row(Integer code, Integer subcode, Boolean isTransient, GraphErrorCategory expected) {
        return Arguments.of(code, subcode, isTransient, expected);
    }

    @ParameterizedTest(name = "code {0} subcode {1} transient {2} -> {3}")
    @MethodSource("pinnedTable")
    void classifiesOnCodeAndSubcode(Integer code, Integer subcode, Boolean isTransient, GraphErrorCategory expected) {
        assertThat(GraphErrorClassifier.classify(code, subcode, isTransient)).isEqualTo(expected);
    }

    @Test
    void everyRuleIsPinnedByTheTable() {
        Set<GraphErrorRule> pinned = pinnedTable()
                .map(Arguments::get)
                .map(args -> GraphErrorClassifier.ruleFor((Integer) args[0], (Integer) args[1]))
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(GraphErrorRule.class)));

        assertThat(EnumSet.complementOf(EnumSet.copyOf(pinned))).as("rules no pinned line reaches").isEmpty();
    }

    @Test
    void noTwoRulesShareAKey() {
        for (GraphErrorRule a : GraphErrorRule.values()) {
            for (GraphErrorRule b : GraphErrorRule.values()) {
                if (a.ordinal() < b.ordinal()) {
                    boolean sameSubcode = Objects.equals(a.subcode(), b.subcode());
                    boolean codesOverlap = a.anyCode() == b.anyCode()
                            && (a.anyCode() || a.firstCode() <= b.lastCode() && b.firstCode() <= a.lastCode());
                    assertThat(sameSubcode && codesOverlap).as("%s and %s share %s", a, b, a.key()).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(GraphErrorRule.class)
    void everyRuleSaysWhatItMeans(GraphErrorRule rule) {
        assertThat(rule.meaning()).isNotBlank();
        assertThat(rule.category()).isNotNull();
        assertThat(rule.anyCode() ? rule.subcode() : rule.firstCode()).isNotNull();
    }

    @ParameterizedTest(name = "code {0} subcode {1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "190,   463,     TOKEN_EXPIRED",
            "190,   999,     TOKEN_INVALID",
            "250,   null,    PERMISSION_ERROR",
            "100,   2207024, INVALID_CAROUSEL",
            "100,   2207026, INVALID_PARAMETER",
            "999,   2207026, UNSUPPORTED_VIDEO_FORMAT_ANY_CODE",
            "null,  2207076, TRANSIENT_PROCESSING_ERROR",
    })
    void saysWhichRowMatched(Integer code, Integer subcode, GraphErrorRule expected) {
        assertThat(GraphErrorClassifier.ruleFor(code, subcode)).contains(expected);
    }

    @Test
    void noRowForAnErrorOutsideTheTable() {
        assertThat(GraphErrorClassifier.ruleFor(36002, null)).isEmpty();
        assertThat(GraphErrorClassifier.ruleFor(999, 2207999)).isEmpty();
        assertThat(GraphErrorClassifier.ruleFor(null, null)).isEmpty();
    }

    @Test
    void ruleKeysReadLikeTheDoc() {
        assertThat(GraphErrorRule.TOKEN_EXPIRED.key()).isEqualTo("190/463");
        assertThat(GraphErrorRule.PERMISSION_ERROR.key()).isEqualTo("200-299");
        assertThat(GraphErrorRule.API_ERROR.key()).isEqualTo("1");
        assertThat(GraphErrorRule.VIDEO_PROCESSING_FAILED.key()).isEqualTo("*/2207085");
    }

    @ParameterizedTest(name = "code {0} subcode {1} transient {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "36002, null,    true,  TRANSIENT",
            "36002, null,    false, UNKNOWN",
            "36002, null,    null,  UNKNOWN",
            "999,   2207999, true,  TRANSIENT",
            "null,  null,    true,  TRANSIENT",
            // A row wins over is_transient either way.
            "4,     2207051, true,  POLICY",
            "36000, 2207004, true,  MEDIA",
            "1,     null,    false, TRANSIENT",
    })
    void fallsBackOnIsTransientOnlyWhenNoRowMatches(Integer code, Integer subcode, Boolean isTransient,
            GraphErrorCategory expected) {
        assertThat(GraphErrorClassifier.classify(code, subcode, isTransient)).isEqualTo(expected);
    }

    @Test
    void classificationTakesNeitherMessageNorHttpStatus() {
        Set<String> publicApi = Arrays.stream(GraphErrorClassifier.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(GraphErrorClassifierTest::signature)
                .collect(Collectors.toSet());

        // The only String is the container status text, read for its subcode alone.
        assertThat(publicApi).containsExactlyInAnyOrder(
                "classify(Integer,Integer,Boolean)",
                "ruleFor(Integer,Integer)",
                "classifyContainerError(String)",
                "subcodeInStatus(String)");
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    @ParameterizedTest
    @CsvSource({
            "'Error: Media upload has failed with error code 2207026', 2207026",
            "'ERROR: 2207085 could not process', 2207085",
    })
    void readsTheSubcodeInsideContainerStatusText(String status, int subcode) {
        assertThat(GraphErrorClassifier.subcodeInStatus(status)).isEqualTo(subcode);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "null", value = {
            "'Error: Media upload has failed with error code 2207026', MEDIA",
            "'Error: Media upload has failed with error code 2207076', TRANSIENT",
            "'Error: 2207085 could not process the video', MEDIA",
            "'Error: 2207077 video download failed', MEDIA",
            "'Error: 2207082 could not upload media, retry', TRANSIENT",
            "'Error: 2207076', TRANSIENT",
            "'Error: 2207032 create media fail', TRANSIENT",
            "'Error: 2207024 invalid carousel', CAROUSEL",
            "'Error: 2207052 could not fetch', MEDIA",
            "'Error: something went wrong', MEDIA",
            "'Error: 2207999 not in the table', MEDIA",
            "null, MEDIA",
    })
    void classifiesAContainerErrorByTheSubcodeInItsStatus(String status, GraphErrorCategory expected) {
        assertThat(GraphErrorClassifier.classifyContainerError(status)).isEqualTo(expected);
    }

    @Test
    void statusTextWithoutSubcodeGivesNone() {
        assertThat(GraphErrorClassifier.subcodeInStatus("Error: something")).isNull();
        assertThat(GraphErrorClassifier.subcodeInStatus(null)).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "RATE_LIMIT,    recover-rate-limit",
            "PUBLISH_QUOTA, recover-publish-quota",
            "AUTH,          recover-auth",
            "NOT_READY,     recover-not-ready",
            "TRANSIENT,     recover-transient",
            "MEDIA,         recover-media",
            "CAROUSEL,      recover-media",
            "POLICY,        dead-letter",
            "INVALID,       dead-letter",
            "UNKNOWN,       recover-unknown",
    })
    void eachCategoryNamesTheRouteThatRecoversIt(GraphErrorCategory category, String routeId) {
        assertThat(category.recoveryRoute()).isEqualTo(routeId);
    }
}
