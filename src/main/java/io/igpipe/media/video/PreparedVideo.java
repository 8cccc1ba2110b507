package io.igpipe.media.video;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A video ready for upload.
 *
 * @param path       where it was written (atomically)
 * @param facts      what the written file is (probed after transcoding; the source's facts when copied as is)
 * @param transcoded whether ffmpeg rewrote it (re-encoded or remuxed); false when the source was copied as is
 * @param took       time spent probing, planning and transcoding or copying
 * @param plan       what was decided and why ({@link TranscodePlan#reasons()})
 */
public record PreparedVideo(Path path, VideoFacts facts, boolean transcoded, Duration took, TranscodePlan plan) {
}
