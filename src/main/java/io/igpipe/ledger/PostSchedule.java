package io.igpipe.ledger;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.igpipe.IgpipeProperties;
import org.springframework.stereotype.Component;

/**
 * Holds scheduled posts until their time. The media is prepared at once (a bad file is found days before, not at
 * the minute of publishing); the container is created {@code container-lead-time} before {@code publish_at}
 * (containers expire after 24 h) and media_publish waits for {@code publish_at} itself.
 */
@Component("postSchedule")
public class PostSchedule {

    private final PostLifecycle lifecycle;
    private final Duration containerLeadTime;

    public PostSchedule(PostLifecycle lifecycle, IgpipeProperties properties) {
        this.lifecycle = lifecycle;
        this.containerLeadTime = properties.getPosts().getContainerLeadTime();
    }

    public void requireContainerTime(Post post) {
        if (post.getPublishAt() != null) {
            requireReached(post.getPublishAt().minus(containerLeadTime), post, "container creation");
        }
    }

    public void requirePublishTime(Post post) {
        if (post.getPublishAt() != null) {
            requireReached(post.getPublishAt(), post, "publishing");
        }
    }

    private void requireReached(OffsetDateTime when, Post post, String step) {
        if (lifecycle.now().isBefore(when)) {
            throw new PostNotDueException(WaitReason.SCHEDULED, when, "Post " + post.getId() + " is scheduled for "
                    + post.getPublishAt() + "; " + step + " waits until " + when);
        }
    }
}
