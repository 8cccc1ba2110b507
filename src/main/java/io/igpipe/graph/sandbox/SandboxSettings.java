package io.igpipe.graph.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox behaves. Defaults follow Meta's documented limits; the publishing quota defaults to 100 (the
 * unified publishing guide) although other Meta pages say 50, which is why it is a setting.
 *
 * @param host                 interface to bind, loopback by default so the sandbox is never exposed
 * @param port                 0 picks a free port
 * @param imageProcessingDelay time a container stays IN_PROGRESS before it is FINISHED
 * @param publishQuota         successful publishes allowed per account per rolling {@code quotaWindow}
 * @param quotaWindow          the rolling window of the publishing quota and of the container cap
 * @param containerCap         container creations allowed per account per rolling {@code quotaWindow}
 * @param containerTtl         an unpublished container is EXPIRED this long after creation
 * @param bucCallBudget        Business Use Case budget: calls per account per rolling {@code bucWindow}
 * @param bucWindow            the rolling window of the call budget
 * @param fetchTimeout         how long fetching an {@code image_url} may take in total, redirects included
 * @param maxImageBytes        largest image accepted (Meta: 8 MiB)
 * @param stateFile            when set, state is saved there after every change and loaded at start
 * @param clock                source of time for every window, expiry and timestamp
 * @param tokenLifetime        a long-lived token expires this long after it was issued or refreshed
 * @param tokenMinRefreshAge   a token younger than this cannot be refreshed
 * @param faultSeed            seeds the draws of fault rules that have a probability, so a chaos run can be
 *                             replayed exactly; null picks a different seed each start
 * @param videoProcessingDelay time a video container stays IN_PROGRESS once its video has arrived (at creation for
 *                             {@code video_url}, at the last uploaded byte for a resumable upload); the video is
 *                             fetched and read meanwhile, in the background
 * @param reelLimits           the spec a reel's video must meet
 * @param storyVideoLimits     the spec a story video must meet
 * @param carouselVideoLimits  the spec a carousel's video child (or a standalone VIDEO) must meet
 */
public record SandboxSettings(
        String host,
        int port,
        Duration imageProcessingDelay,
        int publishQuota,
        Duration quotaWindow,
        int containerCap,
        Duration containerTtl,
        int bucCallBudget,
        Duration bucWindow,
        Duration fetchTimeout,
        long maxImageBytes,
        Path stateFile,
        Clock clock,
        Duration tokenLifetime,
        Duration tokenMinRefreshAge,
        Long faultSeed,
        Duration videoProcessingDelay,
        VideoLimits reelLimits,
        VideoLimits storyVideoLimits,
        VideoLimits carouselVideoLimits) {

    public SandboxSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(imageProcessingDelay, "imageProcessingDelay");
        Objects.requireNonNull(quotaWindow, "quotaWindow");
        Objects.requireNonNull(containerTtl, "containerTtl");
        Objects.requireNonNull(bucWindow, "bucWindow");
        Objects.requireNonNull(fetchTimeout, "fetchTimeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime");
        Objects.requireNonNull(tokenMinRefreshAge, "tokenMinRefreshAge");
        Objects.requireNonNull(videoProcessingDelay, "videoProcessingDelay");
        Objects.requireNonNull(reelLimits, "reelLimits");
        Objects.requireNonNull(storyVideoLimits, "storyVideoLimits");
        Objects.requireNonNull(carouselVideoLimits, "carouselVideoLimits");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        requireNotNegative(imageProcessingDelay, "imageProcessingDelay");
        requirePositive(quotaWindow, "quotaWindow");
        requirePositive(containerTtl, "containerTtl");
        requirePositive(bucWindow, "bucWindow");
        requirePositive(fetchTimeout, "fetchTimeout");
        requirePositive(tokenLifetime, "tokenLifetime");
        requireNotNegative(tokenMinRefreshAge, "tokenMinRefreshAge");
        requireNotNegative(videoProcessingDelay, "videoProcessingDelay");
        if (publishQuota < 0 || containerCap < 0) {
            throw new IllegalArgumentException("publishQuota and containerCap cannot be negative");
        }
        if (bucCallBudget <= 0) {
            throw new IllegalArgumentException("bucCallBudget must be positive: " + bucCallBudget);
        }
        if (maxImageBytes <= 0) {
            throw new IllegalArgumentException("maxImageBytes must be positive: " + maxImageBytes);
        }
    }

    public static SandboxSettings defaults() {
        return new SandboxSettings(
                "127.0.0.1",
                0,
                Duration.ofSeconds(2),
                100,
                Duration.ofHours(24),
                400,
                Duration.ofHours(24),
                4800,
                Duration.ofHours(24),
                Duration.ofSeconds(10),
                8L * 1024 * 1024,
                null,
                Clock.systemUTC(),
                Duration.ofDays(60),
                Duration.ofHours(24),
                null,
                Duration.ofSeconds(5),
                VideoLimits.reels(),
                VideoLimits.storyVideo(),
                VideoLimits.carouselVideo());
    }

    /** The video spec of a container type; null for types that hold no video. */
    public VideoLimits videoLimits(ContainerType type) {
        return switch (type) {
            case REELS -> reelLimits;
            case STORY_VIDEO -> storyVideoLimits;
            case CAROUSEL_VIDEO_ITEM, STANDALONE_VIDEO -> carouselVideoLimits;
            default -> null;
        };
    }

    public static Builder builder() {
        return new Builder(defaults());
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public SandboxSettings withHost(String value) {
        return toBuilder().host(value).build();
    }

    public SandboxSettings withPort(int value) {
        return toBuilder().port(value).build();
    }

    public SandboxSettings withImageProcessingDelay(Duration value) {
        return toBuilder().imageProcessingDelay(value).build();
    }

    public SandboxSettings withPublishQuota(int value) {
        return toBuilder().publishQuota(value).build();
    }

    public SandboxSettings withQuotaWindow(Duration value) {
        return toBuilder().quotaWindow(value).build();
    }

    public SandboxSettings withContainerCap(int value) {
        return toBuilder().containerCap(value).build();
    }

    public SandboxSettings withContainerTtl(Duration value) {
        return toBuilder().containerTtl(value).build();
    }

    public SandboxSettings withBucCallBudget(int value) {
        return toBuilder().bucCallBudget(value).build();
    }

    public SandboxSettings withBucWindow(Duration value) {
        return toBuilder().bucWindow(value).build();
    }

    public SandboxSettings withFetchTimeout(Duration value) {
        return toBuilder().fetchTimeout(value).build();
    }

    public SandboxSettings withMaxImageBytes(long value) {
        return toBuilder().maxImageBytes(value).build();
    }

    public SandboxSettings withStateFile(Path value) {
        return toBuilder().stateFile(value).build();
    }

    public SandboxSettings withClock(Clock value) {
        return toBuilder().clock(value).build();
    }

    public SandboxSettings withTokenLifetime(Duration value) {
        return toBuilder().tokenLifetime(value).build();
    }

    public SandboxSettings withTokenMinRefreshAge(Duration value) {
        return toBuilder().tokenMinRefreshAge(value).build();
    }

    public SandboxSettings withFaultSeed(Long value) {
        return toBuilder().faultSeed(value).build();
    }

    public SandboxSettings withVideoProcessingDelay(Duration value) {
        return toBuilder().videoProcessingDelay(value).build();
    }

    public SandboxSettings withReelLimits(VideoLimits value) {
        return toBuilder().reelLimits(value).build();
    }

    public SandboxSettings withStoryVideoLimits(VideoLimits value) {
        return toBuilder().storyVideoLimits(value).build();
    }

    public SandboxSettings withCarouselVideoLimits(VideoLimits value) {
        return toBuilder().carouselVideoLimits(value).build();
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static void requireNotNegative(Duration d, String name) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " cannot be negative: " + d);
        }
    }

    public static final class Builder {
        private String host;
        private int port;
        private Duration imageProcessingDelay;
        private int publishQuota;
        private Duration quotaWindow;
        private int containerCap;
        private Duration containerTtl;
        private int bucCallBudget;
        private Duration bucWindow;
        private Duration fetchTimeout;
        private long maxImageBytes;
        private Path stateFile;
        private Clock clock;
        private Duration tokenLifetime;
        private Duration tokenMinRefreshAge;
        private Long faultSeed;
        private Duration videoProcessingDelay;
        private VideoLimits reelLimits;
        private VideoLimits storyVideoLimits;
        private VideoLimits carouselVideoLimits;

        private Builder(SandboxSettings from) {
            host = from.host;
            port = from.port;
            imageProcessingDelay = from.imageProcessingDelay;
            publishQuota = from.publishQuota;
            quotaWindow = from.quotaWindow;
            containerCap = from.containerCap;
            containerTtl = from.containerTtl;
            bucCallBudget = from.bucCallBudget;
            bucWindow = from.bucWindow;
            fetchTimeout = from.fetchTimeout;
            maxImageBytes = from.maxImageBytes;
            stateFile = from.stateFile;
            clock = from.clock;
            tokenLifetime = from.tokenLifetime;
            tokenMinRefreshAge = from.tokenMinRefreshAge;
            faultSeed = from.faultSeed;
            videoProcessingDelay = from.videoProcessingDelay;
            reelLimits = from.reelLimits;
            storyVideoLimits = from.storyVideoLimits;
            carouselVideoLimits = from.carouselVideoLimits;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder imageProcessingDelay(Duration value) {
            imageProcessingDelay = value;
            return this;
        }

        public Builder publishQuota(int value) {
            publishQuota = value;
            return this;
        }

        public Builder quotaWindow(Duration value) {
            quotaWindow = value;
            return this;
        }

        public Builder containerCap(int value) {
            containerCap = value;
            return this;
        }

        public Builder containerTtl(Duration value) {
            containerTtl = value;
            return this;
        }

        public Builder bucCallBudget(int value) {
            bucCallBudget = value;
            return this;
        }

        public Builder bucWindow(Duration value) {
            bucWindow = value;
            return this;
        }

        public Builder fetchTimeout(Duration value) {
            fetchTimeout = value;
            return this;
        }

        public Builder maxImageBytes(long value) {
            maxImageBytes = value;
            return this;
        }

        public Builder stateFile(Path value) {
            stateFile = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder tokenLifetime(Duration value) {
            tokenLifetime = value;
            return this;
        }

        public Builder tokenMinRefreshAge(Duration value) {
            tokenMinRefreshAge = value;
            return this;
        }

        public Builder faultSeed(Long value) {
            faultSeed = value;
            return this;
        }

        public Builder videoProcessingDelay(Duration value) {
            videoProcessingDelay = value;
            return this;
        }

        public Builder reelLimits(VideoLimits value) {
            reelLimits = value;
            return this;
        }

        public Builder storyVideoLimits(VideoLimits value) {
            storyVideoLimits = value;
            return this;
        }

        public Builder carouselVideoLimits(VideoLimits value) {
            carouselVideoLimits = value;
            return this;
        }

        public SandboxSettings build() {
            return new SandboxSettings(host, port, imageProcessingDelay, publishQuota, quotaWindow, containerCap,
                    containerTtl, bucCallBudget, bucWindow, fetchTimeout, maxImageBytes, stateFile, clock,
                    tokenLifetime, tokenMinRefreshAge, faultSeed, videoProcessingDelay, reelLimits, storyVideoLimits,
                    carouselVideoLimits);
        }
    }
}
