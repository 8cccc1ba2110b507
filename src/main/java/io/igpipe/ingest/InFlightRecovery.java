package io.igpipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.igpipe.FileTrees;
import io.igpipe.IgpipeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts back files (and carousel folders) that were moved in flight but never recorded (a crash between the move
 * and the ledger insert): they return to the watch folder and are ingested like a fresh drop. The recovery
 * route asks the ledger which in-flight folders have no post.
 */
@Component("inFlightRecovery")
public class InFlightRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightRecovery.class);

    private final IgpipeProperties properties;

    public InFlightRecovery(IgpipeProperties properties) {
        this.properties = properties;
    }

    /**
     * Every {@code .inflight/<post-id>} folder: of each watch folder, its {@code stories/} folder, and of the API's
     * per-account folders under {@code <data-dir>/api/}.
     */
    public List<InFlightFolder> inFlightFolders() throws IOException {
        List<InFlightFolder> found = new ArrayList<>();
        for (IgpipeProperties.Account account : properties.getAccounts()) {
            Path watchFolder = properties.watchFolderOf(account);
            collect(watchFolder, false, found);
            collect(watchFolder.resolve(CarouselFolders.STORIES_FOLDER), false, found);
            collect(properties.getDataDir().resolve("api").resolve(account.getName()), true, found);
        }
        return found;
    }

    private static void collect(Path folder, boolean fromApi, List<InFlightFolder> found) throws IOException {
        Path inFlight = folder.resolve(WatchFolderLayout.IN_FLIGHT);
        if (!Files.isDirectory(inFlight)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(inFlight)) {
            dirs.filter(Files::isDirectory).forEach(dir -> found.add(
                    new InFlightFolder(dir.getFileName().toString(), dir.toAbsolutePath().toString(), fromApi)));
        }
    }

    /**
     * A watch-folder orphan goes back to its folder and is ingested like a fresh drop. An API orphan is deleted: its
     * client never got an answer, and sends it again (with its Idempotency-Key); only folders older than this
     * start are touched, so a submission being recorded right now is left alone.
     */
    public void recoverOrphan(InFlightFolder folder) throws IOException {
        Path postDir = Path.of(folder.getPath());
        if (!folder.isFromApi()) {
            returnToWatchFolder(postDir);
        } else if (Files.getLastModifiedTime(postDir).toMillis() < ManagementFactory.getRuntimeMXBean().getStartTime()) {
            FileTrees.delete(postDir);
            LOG.warn("Deleted the files of an API submission that was never recorded (a crash before its answer): {}",
                    postDir);
        }
    }

    private void returnToWatchFolder(Path postDir) throws IOException {
        Path watchFolder = postDir.getParent().getParent();
        try (Stream<Path> files = Files.list(postDir)) {
            for (Path file : files.toList()) {
                Path back = watchFolder.resolve(file.getFileName());
                if (Files.exists(back)) {
                    LOG.warn("Orphaned in-flight file {} left in place: {} exists again", file, back);
                    continue;
                }
                Files.move(file, back, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("Returned orphaned in-flight file {} to {}", file.getFileName(), watchFolder);
            }
        }
        try (Stream<Path> left = Files.list(postDir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(postDir);
            }
        }
    }

    /** A bean (not a record) so Simple and camel-sql can read its properties. */
    public static final class InFlightFolder {
        private final String postId;
        private final String path;
        private final boolean fromApi;

        public InFlightFolder(String postId, String path, boolean fromApi) {
            this.postId = postId;
            this.path = path;
            this.fromApi = fromApi;
        }

        public String getPostId() { return postId; }
        public String getPath() { return path; }
        public boolean isFromApi() { return fromApi; }
    }
}
