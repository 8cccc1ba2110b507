package io.igpipe.graph;

import static io.igpipe.graph.GraphErrorCategory.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pins the classification table: every row of graph-api.md section 6.2, plus 2207024 and 35001. */
class GraphErrorClassifierTest {

    @ParameterizedTest(name = "code {0} subcode {1} transient {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "1,      null,    null,  TRANSIENT",
            "1,      2207057, null,  INVALID",
            "2,      null,    null,  TRANSIENT",
            "4,      null,    true,  RATE_LIMIT",
            "4,      2207051, null,  POLICY",
            "9,      2207042, null,  PUBLISH_QUOTA",
            "10,     null,    null,  AUTH",
            "17,     null,    null,  RATE_LIMIT",
            "24,     2207006, null,  NOT_READY",
            "24,     2207008, null,  NOT_READY",
            "25,     2207050, null,  POLICY",
            "32,     null,    null,  RATE_LIMIT",
            "100,    2207023, null,  INVALID",
            "100,    2207028, null,  CAROUSEL",
            "100,    2207040, null,  INVALID",
            "100,    2207089, null,  INVALID",
            "100,    33,      null,  TRANSIENT",
            "110,    2207018, null,  UNKNOWN",
            "190,    null,    null,  AUTH",
            "190,    458,     null,  AUTH",
            "190,    459,     null,  AUTH",
            "190,    460,     null,  AUTH",
            "190,    463,     null,  AUTH",
            "190,    464,     null,  AUTH",
            "190,    467,     null,  AUTH",
            "190,    492,     null,  AUTH",
            "200,    null,    null,  AUTH",
            "299,    null,    null,  AUTH",
            "352,    2207026, null,  MEDIA",
            "368,    null,    null,  POLICY",
            "613,    1996,    null,  RATE_LIMIT",
            "80002,  null,    null,  RATE_LIMIT",
            "9004,   2207052, null,  MEDIA",
            "9007,   2207027, null,  NOT_READY",
            "36000,  2207004, null,  MEDIA",
            "36001,  2207005, null,  MEDIA",
            "36003,  2207009, null,  MEDIA",
            "36004,  2207010, null,  INVALID",
            "-2,     2207003, null,  TRANSIENT",
            "-2,     2207020, null,  NOT_READY",
            "-1,     2207001, null,  TRANSIENT",
            "-1,     2207032, null,  TRANSIENT",
            "-1,     2207053, null,  MEDIA",
            "35001,  null,    null,  CAROUSEL",
            "999,    2207024, null,  CAROUSEL",
            "36002,  null,    null,  UNKNOWN",
            "36002,  null,    true,  TRANSIENT",
            "null,   null,    true,  TRANSIENT",
            "null,   null,    null,  UNKNOWN",
    })
    void classifiesOnCodeAndSubcode(Integer code, Integer subcode, Boolean isTransient, GraphErrorCategory expected) {
        assertThat(GraphErrorClassifier.classify(code, subcode, isTransient)).isEqualTo(expected);
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
            "'Error: 2207085 could not process the video', MEDIA",
            "'Error: 2207082 could not upload media, retry', TRANSIENT",
            "'Error: 2207076', TRANSIENT",
            "'Error: something went wrong', MEDIA",
            "null, MEDIA",
    })
    void classifiesAContainerErrorByTheSubcodeInItsStatus(String status, GraphErrorCategory expected) {
        assertThat(GraphErrorClassifier.classifyContainerError(status)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void statusTextWithoutSubcodeGivesNone() {
        assertThat(GraphErrorClassifier.subcodeInStatus("Error: something")).isNull();
        assertThat(GraphErrorClassifier.subcodeInStatus(null)).isNull();
    }
}
