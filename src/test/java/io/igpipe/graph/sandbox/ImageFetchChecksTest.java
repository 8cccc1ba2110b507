package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.color.ColorSpace;
import java.io.IOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /{ig-user-id}/media: the image behind image_url is fetched and judged synchronously, as Instagram does. */
class ImageFetchChecksTest extends SandboxTestSupport {

    private static final byte[] HUGE = TestImages.hugeJpeg();

    @BeforeAll
    static void serveImages() {
        origin.serveChunked("/huge-streamed.jpg", HUGE)
                .serveChunked("/landscape-streamed.jpg", ImageOrigin.LANDSCAPE)
                .serveJpeg("/portrait-4x5.jpg", TestImages.jpeg(1080, 1350))
                .serveJpeg("/wide-191.jpg", TestImages.jpeg(1910, 1000))
                .serveJpeg("/panorama-3x1.jpg", TestImages.jpeg(1500, 500))
                .serveJpeg("/tall-1x2.jpg", TestImages.jpeg(600, 1200))
                .serveJpeg("/progressive.jpg", TestImages.progressiveJpeg(1200, 1000))
                .serveJpeg("/adobe.jpg", TestImages.withAdobeMarker(TestImages.jpeg(1200, 1000)))
                .serveJpeg("/linear-rgb.jpg", TestImages.withIccProfile(TestImages.jpeg(1200, 1000)))
                .serveJpeg("/srgb.jpg", TestImages.withIccProfile(TestImages.jpeg(1200, 1000), ColorSpace.CS_sRGB))
                .serveJpeg("/mpo.jpg", TestImages.withMpfMarker(TestImages.jpeg(1200, 1000)))
                .serveJpeg("/truncated.jpg", TestImages.truncated(TestImages.jpeg(1500, 1000)))
                .serveJpeg("/huge.jpg", HUGE)
                .serve("/image.png", 200, "image/png", TestImages.png(1200, 1000))
                .serve("/png-labelled-jpeg.jpg", 200, "image/jpeg", TestImages.png(1200, 1000))
                .serve("/image.gif", 200, "image/gif", TestImages.gif(1200, 1000))
                .serve("/image.webp", 200, "image/webp", TestImages.webpHeader())
                .serve("/page.html", 200, "text/html; charset=utf-8", TestImages.html())
                .serve("/html-labelled-jpeg.jpg", 200, "image/jpeg", TestImages.html())
                .serve("/jpeg-labelled-html", 200, "text/html", ImageOrigin.LANDSCAPE)
                .serve("/forbidden.jpg", 403, "text/html", TestImages.html())
                .redirect("/moved.jpg", "/landscape.jpg")
                .redirect("/loop.jpg", "/loop.jpg");
    }

    @Test
    void acceptsLandscapeJpegAndRecordsWhatWasFetched() throws Exception {
        Answer created = createLandscape("caption", "Sunset");

        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().size()).isEqualTo(1);
        assertThat(created.json().get("id").isTextual()).isTrue();
        assertThat(created.id()).matches("\\d{17}");
        SandboxSnapshot.ContainerView container = sandbox.snapshot().container(created.id()).orElseThrow();
        assertThat(container.ownerId()).isEqualTo(SHOP);
        assertThat(container.type()).isEqualTo(ContainerType.IMAGE);
        assertThat(container.statusCode()).isEqualTo(ContainerStatus.IN_PROGRESS);
        assertThat(container.caption()).isEqualTo("Sunset");
        ImageFacts image = container.image();
        assertThat(image.bytes()).isEqualTo(ImageOrigin.LANDSCAPE.length);
        assertThat(image.sha256()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(ImageOrigin.LANDSCAPE)));
        assertThat(image.width()).isEqualTo(1500);
        assertThat(image.height()).isEqualTo(1000);
        assertThat(image.encoding()).isEqualTo(JpegEncoding.BASELINE);
        assertThat(image.colorComponents()).isEqualTo(3);
        assertThat(image.adobeMarker()).isFalse();
        assertThat(image.iccProfileDescription()).isNull();
        assertThat(image.nonSrgbIccProfile()).isFalse();
        assertThat(image.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void fetchesAsInstagramsCrawler() {
        createImage(origin.url("/landscape.jpg?crawler-check"));

        assertThat(origin.requests())
                .filteredOn(r -> r.path().equals("/landscape.jpg"))
                .extracting(ImageOrigin.Request::userAgent)
                .containsOnly("facebookexternalhit/1.1");
    }

    @Test
    void acceptsTheAspectRatioLimitsThemselves() {
        assertThat(createImage(origin.url("/portrait-4x5.jpg")).status()).isEqualTo(200);
        assertThat(createImage(origin.url("/wide-191.jpg")).status()).isEqualTo(200);
    }

    @Test
    void refusesAspectRatiosOutsideFourFifthsToOnePointNinetyOne() {
        Answer panorama = createImage(origin.url("/panorama-3x1.jpg"));
        assertGraphError(panorama, 36003, 2207009);
        assertThat(panorama.error().path("message").asText()).isEqualTo("The aspect ratio is not supported.");
        assertThat(panorama.error().path("error_user_msg").asText()).contains("1500/500");

        assertGraphError(createImage(origin.url("/tall-1x2.jpg")), 36003, 2207009);
        assertThat(sandbox.snapshot().containers()).isEmpty();
    }

    @Test
    void storiesHaveNoAspectRatioLimit() {
        Answer story = createImage(origin.url("/panorama-3x1.jpg"), "media_type", "STORIES", "caption", "ignored");

        assertThat(story.status()).as(story.body()).isEqualTo(200);
        SandboxSnapshot.ContainerView container = sandbox.snapshot().container(story.id()).orElseThrow();
        assertThat(container.type()).isEqualTo(ContainerType.STORY_IMAGE);
        assertThat(container.caption()).isNull();
    }

    @Test
    void storiesStillGetTheFormatChecks() {
        assertGraphError(createImage(origin.url("/image.png"), "media_type", "STORIES"), 36001, 2207005);
    }

    @Test
    void refusesOtherImageFormatsByTheirBytes() {
        for (String path : new String[] {"/image.png", "/png-labelled-jpeg.jpg", "/image.gif", "/image.webp"}) {
            Answer answer = createImage(origin.url(path));
            assertGraphError(answer, 36001, 2207005);
            assertThat(answer.error().path("message").asText()).isEqualTo("The image format is not supported.");
        }
    }

    @Test
    void judgesTheBytesNotTheContentType() {
        Answer jpegAsHtml = createImage(origin.url("/jpeg-labelled-html"));
        assertThat(jpegAsHtml.status()).as(jpegAsHtml.body()).isEqualTo(200);

        Answer htmlAsJpeg = createImage(origin.url("/html-labelled-jpeg.jpg"));
        assertGraphError(htmlAsJpeg, 9004, 2207052);
        assertThat(htmlAsJpeg.error().path("message").asText())
                .isEqualTo("Only photo or video can be accepted as media type.");
    }

    @Test
    void refusesAnHtmlPage() {
        Answer answer = createImage(origin.url("/page.html"));

        assertGraphError(answer, 9004, 2207052);
        assertThat(answer.error().path("message").asText())
                .isEqualTo("Only photo or video can be accepted as media type.");
        assertThat(answer.error().path("error_user_title").asText()).isEqualTo("Media download has failed.");
    }

    @Test
    void refusesTruncatedAndMultiPictureJpegs() {
        assertGraphError(createImage(origin.url("/truncated.jpg")), 36001, 2207005);
        assertGraphError(createImage(origin.url("/mpo.jpg")), 36001, 2207005);
    }

    @Test
    void refusesImagesOverEightMebibytes() {
        Answer answer = createImage(origin.url("/huge.jpg"));

        assertGraphError(answer, 36000, 2207004);
        assertThat(answer.error().path("message").asText()).isEqualTo("The image size is too large.");
        assertThat(answer.error().path("error_user_msg").asText()).contains("8 MiB");
    }

    @Test
    void capsTheSizeWhileReadingWhenNoLengthIsDeclared() {
        assertGraphError(createImage(origin.url("/huge-streamed.jpg")), 36000, 2207004);

        Answer small = createImage(origin.url("/landscape-streamed.jpg"));
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        assertThat(sandbox.snapshot().container(small.id()).orElseThrow().image().bytes())
                .isEqualTo(ImageOrigin.LANDSCAPE.length);
    }

    @Test
    void answersFetchFailuresForUnreachableUrls() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        for (String url : new String[] {
                origin.url("/missing.jpg"),
                origin.url("/forbidden.jpg"),
                origin.url("/loop.jpg"),
                "http://127.0.0.1:" + closedPort + "/image.jpg",
                "ftp://127.0.0.1/image.jpg",
                "not a url"}) {
            Answer answer = createImage(url);
            assertGraphError(answer, 9004, 2207052);
            assertThat(answer.error().path("message").asText())
                    .as(url).isEqualTo("Media could not be fetched from the URI");
            assertThat(answer.error().path("is_transient").asBoolean()).isFalse();
        }
    }

    @Test
    void followsRedirects() {
        Answer answer = createImage(origin.url("/moved.jpg"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(sandbox.snapshot().container(answer.id()).orElseThrow().image().width()).isEqualTo(1500);
    }

    @Test
    void refusesNonAsciiUrlsWithoutFetching() {
        Answer answer = createImage(origin.url("/café.jpg"));

        assertGraphError(answer, 9004, 2207052);
        assertThat(origin.requests()).noneMatch(r -> r.path().contains("caf"));
    }

    @Test
    void answersTimeoutWhenTheOriginIsTooSlow() {
        long started = System.nanoTime();
        Answer answer = createImage(origin.url("/slow.jpg"));

        assertGraphError(answer, -2, 2207003);
        assertThat(answer.error().path("is_transient").asBoolean()).isTrue();
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(1_500L, 8_000L);
    }

    @Test
    void recordsProgressiveEncoding() {
        Answer answer = createImage(origin.url("/progressive.jpg"));

        ImageFacts image = sandbox.snapshot().container(answer.id()).orElseThrow().image();
        assertThat(image.encoding()).isEqualTo(JpegEncoding.PROGRESSIVE);
        assertThat(image.isProgressive()).isTrue();
    }

    @Test
    void recordsAdobeMarkerAndIccProfiles() {
        ImageFacts adobe = facts(createImage(origin.url("/adobe.jpg")));
        assertThat(adobe.adobeMarker()).isTrue();
        assertThat(adobe.adobeTransform()).isEqualTo(1);

        ImageFacts linear = facts(createImage(origin.url("/linear-rgb.jpg")));
        assertThat(linear.iccProfileDescription()).isNotBlank();
        assertThat(linear.nonSrgbIccProfile()).isTrue();

        ImageFacts srgb = facts(createImage(origin.url("/srgb.jpg")));
        assertThat(srgb.iccProfileDescription()).containsIgnoringCase("srgb");
        assertThat(srgb.nonSrgbIccProfile()).isFalse();
    }

    private ImageFacts facts(Answer created) {
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return sandbox.snapshot().container(created.id()).orElseThrow().image();
    }
}
