package io.igpipe.graph.sandbox;

import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Instagram's side of a video container, off the request thread: fetch the video (from {@code video_url} or the
 * {@code file_url} of a resumable upload) or take the uploaded bytes, read its boxes, judge it against the spec of
 * its container type, fetch the reel's cover, and record the verdict. The container shows it once its
 * {@link SandboxSettings#videoProcessingDelay()} has passed, so what a client observes is the same whether the
 * work here took a millisecond or longer.
 *
 * <p>Fetch failures surface in the status, not at creation (graph-api.md §11 allows both for video): an origin
 * that refuses or fails is 2207077, a slow one 2207003, a page instead of a video 2207052, a file over the size
 * limit 2207085. A cover that cannot be used ends the container with the subcode Instagram gives the same fault in
 * an image (2207052, 2207003, 2207004, 2207005).
 */
final class VideoProcessing implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VideoProcessing.class.getName());
    static final int WORKERS = 2;

    private final SandboxState state;
    private final MediaFetcher fetcher;
    private final JpegFetch covers;
    private final SandboxSettings settings;
    private final ExecutorService workers;

    VideoProcessing(SandboxState state, MediaFetcher fetcher, JpegFetch covers, SandboxSettings settings) {
        this.state = state;
        this.fetcher = fetcher;
        this.covers = covers;
        this.settings = settings;
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, runnable -> {
            Thread thread = new Thread(runnable, "graph-sandbox-video-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Fetches the container's {@code videoUrl} and judges it. */
    void judgeFetched(String containerId) {
        workers.execute(() -> judge(containerId, () -> download(containerId)));
    }

    /** Judges the bytes a resumable upload received. */
    void judgeUploaded(String containerId, byte[] bytes) {
        workers.execute(() -> judge(containerId, () -> bytes));
    }

    /** Ends a container in ERROR without reading anything, for an upload already known to be unusable. */
    void reject(String containerId, VideoRejection rejection) {
        state.recordVerdict(containerId, rejection.outcome(), null, rejection.reason());
    }

    /** Picks up, after a restart, the videos that were still being judged when the sandbox stopped. */
    void resumeAfterRestart() {
        state.videosToJudgeAgain().forEach(this::judgeFetched);
    }

    private void judge(String containerId, Supplier<byte[]> video) {
        ContainerRecord container = state.container(containerId).orElse(null);
        if (container == null || !container.awaitingVerdict()) {
            return;
        }
        VideoFacts facts = null;
        VideoRejection rejection;
        try {
            byte[] bytes = video.get();
            facts = read(bytes);
            VideoDetails details = container.video();
            rejection = VideoSpecCheck.judge(facts, settings.videoLimits(container.type()),
                            details.effectiveThumbOffset())
                    .or(() -> Optional.ofNullable(cover(details.coverUrl())))
                    .orElse(null);
        } catch (Rejected e) {
            rejection = e.rejection;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "sandbox failed judging the video of container " + containerId, e);
            rejection = new VideoRejection(2207053, "the sandbox failed reading the video: " + e);
        }
        state.recordVerdict(containerId, rejection == null ? ContainerOutcome.FINISHED : rejection.outcome(), facts,
                rejection == null ? null : rejection.reason());
    }

    private byte[] download(String containerId) {
        ContainerRecord container = state.container(containerId).orElseThrow();
        String url = container.video().videoUrl();
        try {
            return fetcher.fetch(url, settings.videoLimits(container.type()).maxBytes()).bytes();
        } catch (MediaFetcher.FetchFailed e) {
            throw new Rejected(switch (e.problem()) {
                case UNREACHABLE -> new VideoRejection(VideoRejection.DOWNLOAD_FAILED, "could not download " + url);
                case TIMED_OUT -> new VideoRejection(VideoRejection.DOWNLOAD_TIMED_OUT, "timed out downloading "
                        + url);
                case TOO_LARGE -> VideoRejection.processing(url + " is larger than the limit of "
                        + settings.videoLimits(container.type()).maxBytes() + " bytes");
            });
        }
    }

    private static VideoFacts read(byte[] bytes) {
        try {
            return Mp4Inspector.inspect(bytes);
        } catch (Mp4Inspector.NotIsoMedia e) {
            if (FetchedBodyKind.of(bytes, null) == FetchedBodyKind.TEXT) {
                throw new Rejected(new VideoRejection(VideoRejection.NOT_MEDIA, "the video is a text or HTML page"));
            }
            throw new Rejected(VideoRejection.format(e.getMessage()));
        }
    }

    private VideoRejection cover(String coverUrl) {
        if (coverUrl == null) {
            return null;
        }
        try {
            covers.fetch(coverUrl);
            return null;
        } catch (GraphErrorException e) {
            GraphError error = e.error();
            int subcode = error.subcode() == null ? 2207005 : error.subcode();
            return new VideoRejection(subcode, "cover_url: " + error.message());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Carries a verdict out of the fetch or the box reader. */
    private static final class Rejected extends RuntimeException {
        private final transient VideoRejection rejection;

        Rejected(VideoRejection rejection) {
            super(rejection.reason(), null, false, false);
            this.rejection = rejection;
        }
    }
}
