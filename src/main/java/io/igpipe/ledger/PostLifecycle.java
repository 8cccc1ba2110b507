package io.igpipe.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.igpipe.IgpipeProperties;
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

    public PostLifecycle(Clock clock, IgpipeProperties properties) {
        this.clock = clock;
        this.pipeline = properties.getPipeline();
        this.containerPoll = properties.getGraph().getContainerPoll();
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

    /** Instagram is still processing: come back after the poll interval, or give up on this container. */
    public void containerStillProcessing(Post post) {
        post.setContainerPolls(post.getContainerPolls() + 1);
        if (post.getContainerPolls() >= containerPoll.getMaxPolls()) {
            throw new ContainerNotReadyException(post.getContainerId(), post.getContainerPolls());
        }
        touch(post, containerPoll.getInterval());
    }

    public void containerFinished(Post post) {
        post.setContainerFinishedAt(now());
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
        post.setErrorCode(null);
        post.setErrorMessage(null);
        post.setErrorDetail(null);
        advance(post, PostState.PUBLISHED, Duration.ZERO);
    }

    /** The container is unusable (ERROR, EXPIRED, gone): build a new one from the prepared media, once. */
    public void rebuildContainer(Post post, String reason) {
        post.setContainerId(null);
        post.setContainerPolls(0);
        post.setErrorMessage(reason);
        advance(post, PostState.PREPARED, Duration.ZERO);
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
     * A failure worth another try later. Counts an attempt; past the configured maximum the post fails
     * with the last error, so nothing retries forever.
     */
    public void retryLater(Post post, String errorCode, String message, String detailJson) {
        post.setAttempts(post.getAttempts() + 1);
        if (post.getAttempts() >= pipeline.getMaxAttempts()) {
            failed(post, errorCode, message + " (gave up after " + post.getAttempts() + " attempts)", detailJson);
            return;
        }
        post.setErrorCode(errorCode);
        post.setErrorMessage(message);
        post.setErrorDetail(detailJson);
        touch(post, backoff(post.getAttempts()));
    }

    /** A wait that is not the post's fault (rate limit, quota, token): no attempt is consumed. */
    public void waitFor(Post post, Duration wait, String errorCode, String message, String detailJson) {
        post.setErrorCode(errorCode);
        post.setErrorMessage(message);
        post.setErrorDetail(detailJson);
        touch(post, wait);
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
        if (!state.name().equals(post.getState())) {
            post.setAttempts(0);
        }
        post.setState(state.name());
        touch(post, dueIn);
    }

    private void touch(Post post, Duration dueIn) {
        OffsetDateTime now = now();
        post.setUpdatedAt(now);
        post.setNextAttemptAt(now.plus(dueIn));
    }
}
