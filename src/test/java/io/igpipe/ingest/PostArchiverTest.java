package io.igpipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PreparedMedia;
import io.igpipe.media.MediaStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostArchiverTest {

    @TempDir
    Path work;

    @Test
    void filesThePostOnceEvenWhenRunAgainAfterACrash() throws Exception {
        IgpipeProperties properties = new IgpipeProperties();
        properties.setDataDir(work.resolve("data"));
        PostLifecycle lifecycle = new PostLifecycle(Clock.systemUTC(), properties);
        PostArchiver archiver = new PostArchiver(new PreparedMedia(new MediaStore(properties), null), lifecycle, null);
        Path watch = work.resolve("watch");
        Post post = lifecycle.newPost("demo", "WATCH_FOLDER", "sunset.jpg", "abc123");
        Path inFlight = Files.createDirectories(WatchFolderLayout.inFlightDirOf(watch, post.getId()));
        post.setOriginalPath(Files.writeString(inFlight.resolve("sunset.jpg"), "jpeg bytes").toString());
        post.setSidecarPath(Files.writeString(inFlight.resolve("sunset.txt"), "caption").toString());
        lifecycle.published(post, "17900000000000001");

        archiver.archivePublished(post);
        post.setArchivedAt(null);
        archiver.archivePublished(post);

        Path published = watch.resolve(WatchFolderLayout.PUBLISHED);
        try (Stream<Path> files = Files.list(published)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("sunset.jpg", "sunset.txt", "sunset.result.json");
        }
        assertThat(Files.readString(published.resolve("sunset.result.json")))
                .contains("\"mediaId\" : \"17900000000000001\"", "\"state\" : \"PUBLISHED\"");
        assertThat(post.getArchivedAt()).isNotNull();
        assertThat(inFlight).doesNotExist();
        // recorded on the second run too, although that run found the post already filed
        assertThat(post.getArchivedOriginalPath()).isEqualTo(published.resolve("sunset.jpg").toString());
        assertThat(post.getArchivedSidecarPath()).isEqualTo(published.resolve("sunset.txt").toString());
    }

    @Test
    void aFailedPostKeepsItsPreparedMediaAndRecordsWhereItsFilesWent() throws Exception {
        IgpipeProperties properties = new IgpipeProperties();
        properties.setDataDir(work.resolve("data"));
        PostLifecycle lifecycle = new PostLifecycle(Clock.systemUTC(), properties);
        MediaStore store = new MediaStore(properties);
        PostArchiver archiver = new PostArchiver(new PreparedMedia(store, null), lifecycle, null);
        Path watch = work.resolve("watch");
        Post post = lifecycle.newPost("demo", "WATCH_FOLDER", "beach.jpeg", "fed789");
        Path inFlight = Files.createDirectories(WatchFolderLayout.inFlightDirOf(watch, post.getId()));
        post.setOriginalPath(Files.writeString(inFlight.resolve("beach.jpeg"), "jpeg").toString());
        post.setSidecarPath(Files.writeString(inFlight.resolve("beach.yaml"), "caption: hi").toString());
        Path prepared = Files.writeString(store.newJpegFor(post.getId()), "optimized");
        lifecycle.prepared(post, prepared.toString(), 1080, 1080, 9);
        post.setFailedStage("create-container");
        post.setErrorCategory("INVALID");
        post.setGraphCode(100);
        post.setGraphSubcode(2207023);
        post.setFbtraceId("AbC123trace");
        post.setMediaRetries(1);
        post.setReplays(2);
        lifecycle.failed(post, "GRAPH_INVALID", "Unknown media type", "{\"error\":{\"code\":100}}");

        archiver.archiveFailed(post);

        Path failed = watch.resolve(WatchFolderLayout.FAILED);
        assertThat(post.getArchivedOriginalPath()).isEqualTo(failed.resolve("beach.jpeg").toString());
        assertThat(post.getArchivedSidecarPath()).isEqualTo(failed.resolve("beach.yaml").toString());
        assertThat(failed.resolve("beach.jpeg")).hasContent("jpeg");
        assertThat(prepared).as("kept for a replay").exists();
        JsonNode error = new ObjectMapper().readTree(failed.resolve("beach.error.json").toFile());
        assertThat(error.get("code").asText()).isEqualTo("GRAPH_INVALID");
        assertThat(error.get("stage").asText()).isEqualTo("create-container");
        assertThat(error.get("category").asText()).isEqualTo("INVALID");
        assertThat(error.get("graphCode").asInt()).isEqualTo(100);
        assertThat(error.get("graphSubcode").asInt()).isEqualTo(2207023);
        assertThat(error.get("fbtraceId").asText()).isEqualTo("AbC123trace");
        assertThat(error.get("mediaRetries").asInt()).isEqualTo(1);
        assertThat(error.get("replays").asInt()).isEqualTo(2);
        assertThat(error.at("/graphError/error/code").asInt()).isEqualTo(100);
    }

    @Test
    void aPublishedPostNoLongerNeedsItsPreparedMedia() throws Exception {
        IgpipeProperties properties = new IgpipeProperties();
        properties.setDataDir(work.resolve("data"));
        PostLifecycle lifecycle = new PostLifecycle(Clock.systemUTC(), properties);
        MediaStore store = new MediaStore(properties);
        PostArchiver archiver = new PostArchiver(new PreparedMedia(store, null), lifecycle, null);
        Path watch = work.resolve("watch");
        Post post = lifecycle.newPost("demo", "WATCH_FOLDER", "dune.jpg", "0a0b0c");
        Path inFlight = Files.createDirectories(WatchFolderLayout.inFlightDirOf(watch, post.getId()));
        post.setOriginalPath(Files.writeString(inFlight.resolve("dune.jpg"), "jpeg").toString());
        Path prepared = Files.writeString(store.newJpegFor(post.getId()), "optimized");
        lifecycle.prepared(post, prepared.toString(), 1080, 1080, 9);
        lifecycle.published(post, "17900000000000002");

        archiver.archivePublished(post);

        assertThat(prepared).doesNotExist();
        assertThat(post.getArchivedOriginalPath())
                .isEqualTo(watch.resolve(WatchFolderLayout.PUBLISHED).resolve("dune.jpg").toString());
        assertThat(post.getArchivedSidecarPath()).isNull();
    }

    @Test
    void aNameAlreadyTakenGetsThePostIdInsteadOfOverwriting() throws Exception {
        IgpipeProperties properties = new IgpipeProperties();
        properties.setDataDir(work.resolve("data"));
        PostLifecycle lifecycle = new PostLifecycle(Clock.systemUTC(), properties);
        PostArchiver archiver = new PostArchiver(new PreparedMedia(new MediaStore(properties), null), lifecycle, null);
        Path watch = work.resolve("watch");
        Files.createDirectories(watch.resolve(WatchFolderLayout.FAILED));
        Files.writeString(watch.resolve(WatchFolderLayout.FAILED).resolve("photo.jpg"), "an older photo");
        Post post = lifecycle.newPost("demo", "WATCH_FOLDER", "photo.jpg", "def456");
        Path inFlight = Files.createDirectories(WatchFolderLayout.inFlightDirOf(watch, post.getId()));
        post.setOriginalPath(Files.writeString(inFlight.resolve("photo.jpg"), "new photo").toString());
        lifecycle.failed(post, "MEDIA_CORRUPT", "damaged", null);

        archiver.archiveFailed(post);

        Path failed = watch.resolve(WatchFolderLayout.FAILED);
        String suffix = post.getId().substring(0, 8);
        assertThat(failed.resolve("photo.jpg")).hasContent("an older photo");
        assertThat(failed.resolve("photo-" + suffix + ".jpg")).hasContent("new photo");
        assertThat(Files.readString(failed.resolve("photo-" + suffix + ".error.json"))).contains("MEDIA_CORRUPT");
        assertThat(post.getArchivedOriginalPath()).isEqualTo(failed.resolve("photo-" + suffix + ".jpg").toString());
        assertThat(post.getArchivedSidecarPath()).isNull();
    }
}
