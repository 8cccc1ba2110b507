package io.igpipe.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.igpipe.IgpipeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every state change a post can make, in one place, so the routes say <em>which</em> transition happens
 * and this class says what it means for the row: timestamps, counters and when the post is next due.
 */
@Component("postLifecycle")
public class PostLifecycle {

    private final Clock clock;
    private final IgpipeProperties.Pipeline pipeline;
    private final IgpipeProperties.ContainerPoll containerPoll;

    private final MeterRegistry meters;

    public PostLifecycle(Clock clock, IgpipeProperties properties) {
        this(clock, properties, new SimpleMeterRegistry());
    }

    @Autowired
    public PostLifecycle(Clock clock, IgpipeProperties properties, MeterRegistry meters) {
        this.clock = clock;
        this.pipeline = properties.getPipeline();
        this.containerPoll = properties.getGraph().getContainerPoll();
        this.meters = meters;
    }

    /** How long a stage took (validate, optimize, container_wait, publish), for igpipe_stage_duration_seconds. */
    public void recordStage(String stage, Duration took) {
        if (took != null && !took.isNegative()) {
            Timer.builder("igpipe.stage.duration").tag("stage", stage).publishPercentileHistogram(false)
                    .register(meters).record(took);
        }
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    public Post newPost(String account, String origin, String originalName, String contentHash) {
        Post post = new Post();
        OffsetDateTime now = now();
        post.setId(UUID.randomUUID().toString());
        post.setAccount(account);
        post.setOrigin(origin);
        post.setMediaType("IMAGE");
        post.setState(PostState.RECEIVED.name());
        post.setOriginalName(originalName);
        post.setContentHash(contentHash);
        post.setActiveContentHash(contentHash);
        post.setReceivedAt(now);
        post.setUpdatedAt(now);
        post.setNextAttemptAt(now);
        return post;
    }

    public void prepared(Post post, String preparedPath, int width, int height, long bytes) {
        post.setPreparedPath(preparedPath);
        post.setPreparedWidth(width);
        post.setPreparedHeight(height);
        post.setPreparedBytes(bytes);
        post.setPreparedAt(now());
        advance(post, PostState.PREPARED, Duration.ZERO);
    }

    public void containerCreated(Post post, String containerId) {
        post.setContainerId(containerId);
        post.setContainerPolls(0);
        post.setContainerBuilds(post.getContainerBuilds() + 1);
        post.setContainerCreatedAt(now());
        post.setContainerFinishedAt(null);
        advance(post, PostState.CONTAINER_CREATED, containerPoll.getInitialDelay());
    }

    /** A resumable container's video still has to be sent to {@code uploadUri}; null for any other container. */
    public void uploadPending(Post post, String uploadUri) {
        post.setUploadUri(uploadUri == null || uploadUri.isBlank() ? null : uploadUri);
        post.setUploadedAt(null);
    }

    public void uploaded(Post post) {
        post.setUploadedAt(now());
    }

    /** Instagram is still processing: come back after the poll interval, or give up on this container. */
    public void containerStillProcessing(Post post) {
        if (post.getContainerPolls() + 1 >= containerPoll.getMaxPolls()) {
            throw new ContainerNotReadyException(post.getContainerId(), post.getContainerPolls() + 1);
        }
        pollContainerLater(post);
    }

    /** Reads the container again after the poll interval; polls count toward the cap, not toward attempts. */
    public void pollContainerLater(Post post) {
        post.setContainerPolls(post.getContainerPolls() + 1);
        post.setWaitReason(WaitReason.CONTAINER_PROCESSING.name());
        touch(post, containerPoll.getInterval());
    }

    public void containerFinished(Post post) {
        post.setContainerFinishedAt(now());
        if (post.getContainerCreatedAt() != null) {
            recordStage("container_wait", Duration.between(post.getContainerCreatedAt(), post.getContainerFinishedAt()));
        }
        post.setWaitReason(null);
        touch(post, Duration.ZERO);
    }

    /** Recorded before media_publish is called: from here on the container's status decides, never a blind retry. */
    public void publishing(Post post) {
        post.setPublishStartedAt(now());
        advance(post, PostState.PUBLISHING, Duration.ZERO);
    }

    public void published(Post post, String mediaId) {
        post.setMediaId(mediaId);
        post.setPublishedAt(now());
        if (post.getPublishStartedAt() != null) {
            recordStage("publish", Duration.between(post.getPublishStartedAt(), post.getPublishedAt()));
        }
        post.clearError();
        advance(post, PostState.PUBLISHED, Duration.ZERO);
    }

    /** The container is unusable (ERROR, EXPIRED, gone, never ready): build a new one from the prepared media. */
    public void rebuildContainer(Post post, String reason) {
        if (post.getContainerId() == null) {
            // failed before it had a container (a carousel's child was gone): count the try, so rebuilds stay bounded
            post.setContainerBuilds(post.getContainerBuilds() + 1);
        }
        post.setContainerId(null);
        post.setContainerPolls(0);
        post.setErrorMessage(reason);
        advance(post, PostState.PREPARED, Duration.ZERO);
    }

    /** Instagram refused the media: prepare it again from the original with a stricter profile, into a new container. */
    public void reoptimize(Post post, io.igpipe.media.OptimizationProfile profile) {
        post.setMediaRetries(post.getMediaRetries() + 1);
        post.setOptimizationProfile(profile.name());
        post.setContainerId(null);
        post.setContainerPolls(0);
        advance(post, PostState.RECEIVED, Duration.ZERO);
    }

    public void failed(Post post, String errorCode, String message, String detailJson) {
        post.setErrorCode(errorCode);
        post.setErrorMessage(message);
        post.setErrorDetail(detailJson);
        post.setFailedAt(now());
        // Frees the content: the same photo dropped again after a failure is a new attempt, not a duplicate.
        post.setActiveContentHash(null);
        advance(post, PostState.FAILED, Duration.ZERO);
    }

    /**
     * A failure worth another try later: counts an attempt and waits with exponential backoff. The recovery
     * route decides when attempts are used up.
     */
    public void retryLater(Post post) {
        post.setAttempts(post.getAttempts() + 1);
        post.setWaitReason(WaitReason.BACKOFF.name());
        touch(post, backoff(post.getAttempts()));
    }

    /** A wait that is not the post's fault (rate limit, quota, token, breaker): no attempt is consumed. */
    public void waitUntil(Post post, OffsetDateTime until, WaitReason reason) {
        OffsetDateTime now = now();
        post.setWaitReason(reason.name());
        post.setUpdatedAt(now);
        post.setNextAttemptAt(until == null || until.isBefore(now) ? now : until.withOffsetSameInstant(ZoneOffset.UTC));
    }

    public void archived(Post post) {
        post.setArchivedAt(now());
        touch(post, Duration.ZERO);
    }

    Duration backoff(int attempt) {
        long initial = pipeline.getRetryInitialDelay().toMillis();
        long capped = Math.min(pipeline.getRetryMaxDelay().toMillis(), initial << Math.min(attempt - 1, 20));
        long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped + jitter);
    }

    private void advance(Post post, PostState state, Duration dueIn) {
        // a failed post keeps its attempt count: it is part of why it failed
        if (!state.name().equals(post.getState()) && state != PostState.FAILED) {
            post.setAttempts(0);
        }
        post.setWaitReason(null);
        post.setState(state.name());
        touch(post, dueIn);
    }

    private void touch(Post post, Duration dueIn) {
        OffsetDateTime now = now();
        post.setUpdatedAt(now);
        post.setNextAttemptAt(now.plus(dueIn));
    }
}
