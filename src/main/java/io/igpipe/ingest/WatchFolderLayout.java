package io.igpipe.ingest;

import java.nio.file.Path;

/**
 * The folders igpipe keeps inside an account's watch folder. Dot-folders, so the (non-recursive)
 * watch-folder consumer never picks up what is already in flight or done.
 */
public final class WatchFolderLayout {

    public static final String IN_FLIGHT = ".inflight";
    public static final String PUBLISHED = ".published";
    public static final String FAILED = ".failed";
    public static final String CANCELLED = ".cancelled";

    private WatchFolderLayout() {
    }

    public static Path inFlightDirOf(Path watchFolder, String postId) {
        return watchFolder.resolve(IN_FLIGHT).resolve(postId);
    }

    /** {@code <watch>/.inflight/<post-id>/<name>} → {@code <watch>}. */
    public static Path watchFolderOfInFlight(Path inFlightFile) {
        return inFlightFile.toAbsolutePath().getParent().getParent().getParent();
    }
}
