package io.igpipe.graph.sandbox;

import org.junit.jupiter.api.Test;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The judgement of fetched bytes, without HTTP: format sniffing, JPEG structure, colour facts. */
class JpegInspectorTest {

    private static final byte[] BASELINE = TestImages.jpeg(640, 480);

    @Test
    void readsTheFrameOfABaselineJpeg() {
        ImageFacts facts = JpegInspector.inspect(BASELINE, "image/jpeg");

        assertThat(facts.width()).isEqualTo(640);
        assertThat(facts.height()).isEqualTo(480);
        assertThat(facts.encoding()).isEqualTo(JpegEncoding.BASELINE);
        assertThat(facts.colorComponents()).isEqualTo(3);
        assertThat(facts.bytes()).isEqualTo(BASELINE.length);
        assertThat(facts.sha256()).hasSize(64);
    }

    @Test
    void toleratesDataAfterTheEndOfImage() {
        byte[] trailing = new byte[BASELINE.length + 16];
        System.arraycopy(BASELINE, 0, trailing, 0, BASELINE.length);

        assertThat(JpegInspector.inspect(trailing, null).width()).isEqualTo(640);
    }

    @Test
    void refusesBrokenOrUnsupportedJpegs() {
        assertRefused(TestImages.truncated(BASELINE));
        assertRefused(java.util.Arrays.copyOf(BASELINE, BASELINE.length - 2));
        assertRefused(TestImages.withMpfMarker(BASELINE));
        assertRefused(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        byte[] lossless = BASELINE.clone();
        for (int i = 2; i < lossless.length - 1; i++) {
            if ((lossless[i] & 0xFF) == 0xFF && (lossless[i + 1] & 0xFF) == 0xC0) {
                lossless[i + 1] = (byte) 0xC3;
                break;
            }
        }
        assertRefused(lossless);
    }

    @Test
    void sniffsTheKindOfBody() {
        assertThat(FetchedBodyKind.of(BASELINE, "text/html")).isEqualTo(FetchedBodyKind.JPEG);
        assertThat(FetchedBodyKind.of(TestImages.png(10, 10), "image/jpeg")).isEqualTo(FetchedBodyKind.OTHER_IMAGE);
        assertThat(FetchedBodyKind.of(TestImages.webpHeader(), null)).isEqualTo(FetchedBodyKind.OTHER_IMAGE);
        byte[] heic = new byte[32];
        System.arraycopy("ftypheic".getBytes(StandardCharsets.US_ASCII), 0, heic, 4, 8);
        assertThat(FetchedBodyKind.of(heic, "application/octet-stream")).isEqualTo(FetchedBodyKind.OTHER_IMAGE);
        assertThat(FetchedBodyKind.of(TestImages.html(), "image/jpeg")).isEqualTo(FetchedBodyKind.TEXT);
        assertThat(FetchedBodyKind.of("{\"error\":1}".getBytes(StandardCharsets.UTF_8), "application/json"))
                .isEqualTo(FetchedBodyKind.TEXT);
        assertThat(FetchedBodyKind.of(new byte[] {0, 1, 2, 3}, null)).isEqualTo(FetchedBodyKind.UNKNOWN_BINARY);
    }

    @Test
    void describesIccProfiles() {
        assertThat(IccProfileDescription.of(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()))
                .hasValueSatisfying(d -> assertThat(IccProfileDescription.isSrgb(d)).isTrue());
        assertThat(IccProfileDescription.of(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData()))
                .hasValueSatisfying(d -> assertThat(IccProfileDescription.isSrgb(d)).isFalse());
        assertThat(IccProfileDescription.isSrgb("Display P3")).isFalse();
        assertThat(IccProfileDescription.isSrgb("sRGB IEC61966-2.1")).isTrue();
        assertThat(IccProfileDescription.of(new byte[10])).isEmpty();
    }

    @Test
    void comparesAspectRatiosExactly() {
        assertThat(ContainerCreation.withinFeedAspectRatio(1080, 1350)).isTrue();
        assertThat(ContainerCreation.withinFeedAspectRatio(1079, 1350)).isFalse();
        assertThat(ContainerCreation.withinFeedAspectRatio(1910, 1000)).isTrue();
        assertThat(ContainerCreation.withinFeedAspectRatio(1911, 1000)).isFalse();
    }

    private static void assertRefused(byte[] bytes) {
        assertThatThrownBy(() -> JpegInspector.inspect(bytes, "image/jpeg"))
                .isInstanceOfSatisfying(GraphErrorException.class, e -> {
                    assertThat(e.error().code()).isEqualTo(36001);
                    assertThat(e.error().subcode()).isEqualTo(2207005);
                });
    }
}
