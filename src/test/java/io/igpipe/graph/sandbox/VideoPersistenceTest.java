package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Video containers, their facts and verdicts survive a restart with a state file; deletions too. */
class VideoPersistenceTest extends SandboxTestSupport {

    @TempDir
    static Path directory;

    @Override
    SandboxSettings.Builder customize(SandboxSettings.Builder settings) {
        return settings.stateFile(directory.resolve("video-state.json"));
    }

    @Test
    void keepsAJudgedVideoContainerAcrossARestart() throws IOException {
        String finished = createVideo("REELS", serveVideo("reel.mp4", TestVideos.reel()), "share_to_feed",
                "false", "thumb_offset", "500").id();
        String refused = createVideo("REELS", serveVideo("moov.mp4", TestVideos.moovAtTheEnd())).id();
        videoVerdict(finished);
        videoVerdict(refused);
        String deletedMedia = publish(finishedContainer()).id();
        assertThat(graph.delete(V + deletedMedia, SHOP_TOKEN).status()).isEqualTo(200);
        String waitingForUpload = graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "media_type", "REELS",
                "upload_type", "resumable").id();
        sandbox.close();

        sandbox = GraphSandbox.start(sandbox.settings());
        graph = new GraphTestClient(sandbox.baseUri());

        SandboxSnapshot.ContainerView kept = sandbox.snapshot().container(finished).orElseThrow();
        assertThat(kept.statusCode()).isEqualTo(ContainerStatus.FINISHED);
        assertThat(kept.video().facts().videoCodec()).isEqualTo("avc1");
        assertThat(kept.video().thumbOffsetMillis()).isEqualTo(500);
        assertVideoRefused(containerStatus(refused).json(), 2207026);
        assertThat(containerStatus(waitingForUpload).json().path("status_code").asText()).isEqualTo("IN_PROGRESS");
        assertGraphError(graph.get(V + deletedMedia + "?fields=id", SHOP_TOKEN), 100, 33);

        Answer published = publish(finished);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(sandbox.snapshot().mediaById(published.id()).orElseThrow().shareToFeed()).isFalse();
        byte[] reel = TestVideos.reel();
        String uri = sandbox.baseUri() + "/ig-api-upload/v25.0/" + waitingForUpload;
        assertThat(graph.upload(uri, "OAuth " + SHOP_TOKEN, 0, reel.length, reel).status()).isEqualTo(200);
        assertThat(videoVerdict(waitingForUpload).path("status_code").asText()).isEqualTo("FINISHED");
    }
}
