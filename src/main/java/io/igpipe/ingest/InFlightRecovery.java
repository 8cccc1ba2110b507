package io.igpipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

    /** Every {@code <watch>/.inflight/<post-id>} and {@code <watch>/stories/.inflight/<post-id>} folder. */
    public List<InFlightFolder> inFlightFolders() throws IOException {
        List<InFlightFolder> found = new ArrayList<>();
        for (IgpipeProperties.Account account : properties.getAccounts()) {
            Path watchFolder = properties.watchFolderOf(account);
            for (Path folder : List.of(watchFolder, watchFolder.resolve(CarouselFolders.STORIES_FOLDER))) {
                Path inFlight = folder.resolve(WatchFolderLayout.IN_FLIGHT);
                if (!Files.isDirectory(inFlight)) {
                    continue;
                }
                try (Stream<Path> dirs = Files.list(inFlight)) {
                    dirs.filter(Files::isDirectory).forEach(dir -> found.add(
                            new InFlightFolder(dir.getFileName().toString(), dir.toAbsolutePath().toString())));
                }
            }
        }
        return found;
    }

    public void returnToWatchFolder(InFlightFolder folder) throws IOException {
        Path postDir = Path.of(folder.getPath());
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

        public InFlightFolder(String postId, String path) {
            this.postId = postId;
            this.path = path;
        }

        public String getPostId() { return postId; }
        public String getPath() { return path; }
    }
}
