package io.igpipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.igpipe.IgpipeProperties;
import org.springframework.stereotype.Component;

/**
 * Finds the carousels of a watch folder: each sub-folder (other than {@code stories/} and igpipe's dot-folders) is
 * one carousel, its media ordered by file name. A folder is taken only once it is stable: neither it nor anything
 * in it changed for the settle time, so a carousel still being copied in is never published with half its items.
 */
@Component("carouselFolders")
public class CarouselFolders {

    public static final String STORIES_FOLDER = "stories";
    public static final String POST_FILE = "post.yaml";
    static final Pattern MEDIA_NAME = Pattern.compile("(?i).*\\.(jpe?g|png|webp|mp4|mov|m4v|webm|mkv)");

    private final Clock clock;
    private final Duration settleTime;

    public CarouselFolders(Clock clock, IgpipeProperties properties) {
        this.clock = clock;
        this.settleTime = properties.getIngest().getSettleTime();
    }

    /** Carousel folders of {@code watchFolder} that have settled, oldest first. */
    public List<String> settled(String watchFolder) throws IOException {
        Path root = Path.of(watchFolder);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> entries = Files.list(root)) {
            folders = entries.filter(Files::isDirectory).filter(CarouselFolders::isCarouselFolder).toList();
        }
        List<String> ready = new ArrayList<>();
        for (Path folder : folders) {
            if (isSettled(folder)) {
                ready.add(folder.toString());
            }
        }
        return ready;
    }

    /** The media files of a carousel folder in carousel order (by name). */
    public static List<Path> itemsOf(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile)
                    .filter(p -> MEDIA_NAME.matcher(p.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    private static boolean isCarouselFolder(Path folder) {
        String name = folder.getFileName().toString();
        return !name.startsWith(".") && !name.equalsIgnoreCase(STORIES_FOLDER);
    }

    private boolean isSettled(Path folder) throws IOException {
        long settledBefore = clock.millis() - settleTime.toMillis();
        if (Files.getLastModifiedTime(folder).toMillis() > settledBefore) {
            return false;
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.allMatch(entry -> {
                try {
                    return Files.getLastModifiedTime(entry).toMillis() <= settledBefore;
                } catch (IOException vanished) {
                    return false;
                }
            });
        }
    }
}
