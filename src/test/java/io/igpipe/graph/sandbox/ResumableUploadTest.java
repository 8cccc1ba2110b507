package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** upload_type=resumable: the container first, then the bytes (or a file_url) to the rupload endpoint. */
class ResumableUploadTest extends SandboxTestSupport {

    static final String OAUTH = "OAuth " + SHOP_TOKEN;

    @Test
    void uploadsTheBytesOfAReel() {
        Answer created = resumable("REELS", "caption", "Uploaded reel");
        String uri = created.json().path("uri").asText();
        assertThat(uri).isEqualTo(sandbox.baseUri() + "/ig-api-upload/v25.0/" + created.id());
        byte[] reel = TestVideos.reel();

        Answer uploaded = graph.upload(uri, OAUTH, 0, reel.length, reel);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(200);
        assertThat(uploaded.body()).isEqualTo("{\"success\":true,\"message\":\"Upload successful.\"}");
        assertThat(videoVerdict(created.id()).path("status_code").asText()).isEqualTo("FINISHED");
        String mediaId = publish(created.id()).id();
        assertThat(sandbox.snapshot().mediaById(mediaId).orElseThrow().mediaProductType()).isEqualTo("REELS");
        assertThat(sandbox.snapshot().container(created.id()).orElseThrow().video().facts().bytes())
                .isEqualTo(reel.length);
        assertThat(sandbox.snapshot().calls(EndpointKind.RESUMABLE_UPLOAD)).singleElement()
                .satisfies(call -> assertThat(call.succeeded()).isTrue());
    }

    @Test
    void acceptsOnlyTheOAuthScheme() {
        Answer created = resumable("REELS");
        String uri = created.json().path("uri").asText();
        byte[] reel = TestVideos.reel();

        for (String refused : new String[] {"Bearer " + SHOP_TOKEN, null, "OAuth not-a-token"}) {
            Answer answer = graph.upload(uri, refused, 0, reel.length, reel);
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().path("debug_info").path("type").asText()).isEqualTo("ProcessingFailedError");
            assertThat(answer.json().path("debug_info").path("retriable").asBoolean()).isFalse();
            assertThat(answer.uploadFailure().path("success").asBoolean(true)).isFalse();
            assertThat(answer.uploadFailure().path("error").path("message").asText())
                    .isEqualTo("unauthorized user request");
        }
        clock.advance(Duration.ofMinutes(5));
        assertThat(containerStatus(created.id()).json().path("status_code").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void resumesFromTheOffsetReceivedSoFar() {
        Answer created = resumable("STORIES");
        String uri = "/ig-api-upload/" + created.id();
        String unversioned = sandbox.baseUri() + uri;
        byte[] reel = TestVideos.reel();
        int half = reel.length / 2;

        assertThat(graph.upload(unversioned, OAUTH, 0, reel.length, Arrays.copyOf(reel, half)).status())
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(1));
        assertThat(containerStatus(created.id()).json().path("status_code").asText())
                .as("half a video is still in progress").isEqualTo("IN_PROGRESS");
        Answer wrongOffset = graph.upload(unversioned, OAUTH, 0, reel.length, reel);
        assertThat(wrongOffset.status()).isEqualTo(400);
        assertThat(wrongOffset.uploadFailure().path("error").path("message").asText()).contains(half + " bytes");
        Answer rest = graph.upload(unversioned, OAUTH, half, reel.length, Arrays.copyOfRange(reel, half,
                reel.length));

        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(videoVerdict(created.id()).path("status_code").asText()).isEqualTo("FINISHED");
        assertThat(sandbox.snapshot().container(created.id()).orElseThrow().type())
                .isEqualTo(ContainerType.STORY_VIDEO);
        assertThat(graph.upload(unversioned, OAUTH, reel.length, reel.length, new byte[0]).status())
                .as("the video is complete").isEqualTo(400);
    }

    @Test
    void fetchesAHostedFileGivenAsFileUrl() {
        Answer created = resumable("VIDEO", "is_carousel_item", "true");
        String fileUrl = serveVideo("hosted.mp4", TestVideos.portraitFourByFive());

        Answer answer = graph.uploadFromUrl(created.json().path("uri").asText(), OAUTH, fileUrl);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(videoVerdict(created.id()).path("status_code").asText()).isEqualTo("FINISHED");
        assertThat(sandbox.snapshot().container(created.id()).orElseThrow().video().videoUrl()).isEqualTo(fileUrl);
    }

    @Test
    void judgesUploadedBytesLikeFetchedOnes() {
        Answer created = resumable("REELS");
        byte[] moovAtEnd = TestVideos.moovAtTheEnd();

        graph.upload(created.json().path("uri").asText(), OAUTH, 0, moovAtEnd.length, moovAtEnd);

        assertVideoRefused(videoVerdict(created.id()), 2207026);
    }

    @Test
    void staysInProgressUntilItExpiresWhenNothingIsUploaded() {
        String containerId = resumable("REELS").id();

        clock.advance(Duration.ofHours(23));
        assertThat(containerStatus(containerId).json().path("status_code").asText()).isEqualTo("IN_PROGRESS");
        assertGraphError(publish(containerId), 9007, 2207027);
        clock.advance(Duration.ofHours(1));
        assertThat(containerStatus(containerId).json().path("status_code").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void refusesUploadsToContainersThatAreNotResumable() {
        String imageContainer = createLandscape().id();
        byte[] reel = TestVideos.reel();

        Answer answer = graph.upload(sandbox.baseUri() + "/ig-api-upload/v25.0/" + imageContainer, OAUTH, 0,
                reel.length, reel);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.uploadFailure().path("error").path("message").asText()).contains("upload_type=resumable");
    }

    @Test
    void failsAnUploadWithAnInjectedError() {
        sandbox.faults().add(FaultRule.on(EndpointKind.RESUMABLE_UPLOAD).error(-1, 2207053).build());
        Answer created = resumable("REELS");
        byte[] reel = TestVideos.reel();

        Answer failed = graph.upload(created.json().path("uri").asText(), OAUTH, 0, reel.length, reel);

        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.uploadFailure().path("error").path("code").asInt()).isEqualTo(-1);
        assertThat(failed.uploadFailure().path("error").path("error_subcode").asInt()).isEqualTo(2207053);
        assertThat(graph.upload(created.json().path("uri").asText(), OAUTH, 0, reel.length, reel).status())
                .as("the failed attempt stored nothing, so offset 0 is right again").isEqualTo(200);
    }

    @Test
    void dropsTheConnectionOfAnUpload() {
        sandbox.faults().add(FaultRule.on(EndpointKind.RESUMABLE_UPLOAD).dropConnection().build());
        String uri = resumable("REELS").json().path("uri").asText();
        byte[] reel = TestVideos.reel();
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", OAUTH)
                .header("offset", "0")
                .header("file_size", Integer.toString(reel.length))
                .POST(HttpRequest.BodyPublishers.ofByteArray(reel))
                .build();

        assertThatThrownBy(() -> graph.sendRaw(request)).isInstanceOf(IOException.class);

        assertThat(sandbox.snapshot().calls(EndpointKind.RESUMABLE_UPLOAD)).extracting(CallRecord::httpStatus)
                .containsExactly(0);
    }

    private Answer resumable(String mediaType, String... extraFields) {
        String[] fields = Arrays.copyOf(new String[] {"media_type", mediaType, "upload_type", "resumable"},
                4 + extraFields.length);
        System.arraycopy(extraFields, 0, fields, 4, extraFields.length);
        Answer created = graph.postForm(V + SHOP + "/media", SHOP_TOKEN, fields);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created;
    }
}
