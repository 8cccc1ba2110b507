package io.igpipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.igpipe.IgpipeProperties;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.springframework.stereotype.Component;

/**
 * Holds a photo back while its sidecar is still fresh, and never takes a reel's cover ({@code clip.cover.jpg})
 * as a post of its own. The file consumer's {@code readLock=changed}
 * already waits for the photo itself to settle; this makes a caption written just after the photo
 * still belong to it.
 */
@Component("settledSidecarFilter")
public class SettledSidecarFilter implements GenericFileFilter<Object> {

    private final Clock clock;
    private final Duration settleTime;

    public SettledSidecarFilter(Clock clock, IgpipeProperties properties) {
        this.clock = clock;
        this.settleTime = properties.getIngest().getSettleTime();
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (file.isDirectory() || PostIntake.isReelCover(file.getFileName())) {
            return false;
        }
        Path media = Path.of(file.getAbsoluteFilePath());
        long settledBefore = clock.millis() - settleTime.toMillis();
        for (Path sidecar : SidecarReader.candidates(media)) {
            try {
                if (Files.getLastModifiedTime(sidecar).toMillis() > settledBefore) {
                    return false;
                }
            } catch (IOException vanished) {
                return false;
            }
        }
        return true;
    }
}
