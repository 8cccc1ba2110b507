package io.igpipe.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PostNotDueException;
import io.igpipe.ledger.WaitReason;
import io.igpipe.media.video.TranscoderBusyException;
import io.igpipe.media.video.VideoPreparation;
import io.igpipe.media.video.VideoProbe;
import io.igpipe.media.video.VideoProperties;
import io.igpipe.media.video.VideoTarget;
import io.igpipe.media.video.VideoToolsUnavailableException;
import org.junit.jupiter.api.Test;

/** A video that cannot be worked on now makes its post wait in the ledger; the worker is free at once. */
class VideoMediaTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final VideoPreparation preparation = mock(VideoPreparation.class);
    private final IgpipeProperties properties = new IgpipeProperties();

    private VideoMedia videos() {
        return new VideoMedia(preparation, mock(VideoProbe.class),
                new PostLifecycle(Clock.fixed(NOW, ZoneOffset.UTC), properties), properties, new VideoProperties());
    }

    @Test
    void everySlotTakenMeansWaitingForTheBusyWaitWithoutAnAttempt() throws Exception {
        properties.getPosts().setTranscoderBusyWait(Duration.ofSeconds(7));
        when(preparation.prepare(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean())).thenThrow(new TranscoderBusyException(1));

        assertThatThrownBy(() -> videos().prepare(Path.of("clip.mp4"), VideoTarget.REELS, null, Path.of("out.mp4"),
                OptimizationProfile.STANDARD))
                .isInstanceOfSatisfying(PostNotDueException.class, wait -> {
                    assertThat(wait.getReason()).isEqualTo(WaitReason.TRANSCODER_BUSY);
                    assertThat(wait.getUntil()).isEqualTo(OffsetDateTime.ofInstant(NOW.plusSeconds(7), ZoneOffset.UTC));
                });
    }

    @Test
    void theStrictProfileAsksForEveryStreamToBeEncodedAfresh() throws Exception {
        when(preparation.prepare(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
                .thenThrow(new TranscoderBusyException(1));

        for (OptimizationProfile profile : OptimizationProfile.values()) {
            assertThatThrownBy(() -> videos().prepare(Path.of("clip.mp4"), VideoTarget.REELS, null, Path.of("out.mp4"),
                    profile)).isInstanceOf(PostNotDueException.class);
            org.mockito.Mockito.verify(preparation).prepare(Path.of("clip.mp4"), VideoTarget.REELS, null,
                    Path.of("out.mp4"), profile == OptimizationProfile.STRICT);
        }
    }

    @Test
    void unusableToolsMeanWaitingForTheOperatorWithTheReason() throws Exception {
        when(preparation.prepare(any(), any(), any(), any(), org.mockito.ArgumentMatchers.anyBoolean()))
                .thenThrow(new VideoToolsUnavailableException("libpulse.so.0 is missing"));

        assertThatThrownBy(() -> videos().prepare(Path.of("clip.mp4"), VideoTarget.STORY, null, Path.of("out.mp4"),
                OptimizationProfile.STANDARD))
                .isInstanceOfSatisfying(PostNotDueException.class, wait -> {
                    assertThat(wait.getReason()).isEqualTo(WaitReason.VIDEO_TOOLS_UNAVAILABLE);
                    assertThat(wait.getUntil()).isAfter(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
                    assertThat(wait.getMessage()).contains("libpulse.so.0");
                });
    }
}
