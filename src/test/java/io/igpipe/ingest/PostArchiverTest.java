package io.igpipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostLifecycle;
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
        PostArchiver archiver = new PostArchiver(new MediaStore(properties), lifecycle);
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
    }

    @Test
    void aNameAlreadyTakenGetsThePostIdInsteadOfOverwriting() throws Exception {
        IgpipeProperties properties = new IgpipeProperties();
        properties.setDataDir(work.resolve("data"));
        PostLifecycle lifecycle = new PostLifecycle(Clock.systemUTC(), properties);
        PostArchiver archiver = new PostArchiver(new MediaStore(properties), lifecycle);
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
    }
}
