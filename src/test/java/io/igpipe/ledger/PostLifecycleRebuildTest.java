package io.igpipe.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import io.igpipe.IgpipeProperties;
import org.junit.jupiter.api.Test;

/** Rebuilds stay bounded even when the failure came before the post had a container of its own. */
class PostLifecycleRebuildTest {

    private final PostLifecycle lifecycle = new PostLifecycle(Clock.systemUTC(), new IgpipeProperties());

    @Test
    void aRebuildWithoutAContainerCountsAsABuild() {
        Post carousel = lifecycle.newPost("demo", "WATCH_FOLDER", "trip", "hash");

        lifecycle.rebuildContainer(carousel, "a child is gone");

        assertThat(carousel.getContainerBuilds()).isEqualTo(1);
        assertThat(carousel.getState()).isEqualTo(PostState.PREPARED.name());
    }

    @Test
    void aRebuildOfAnExistingContainerWasCountedWhenItWasCreated() {
        Post post = lifecycle.newPost("demo", "WATCH_FOLDER", "sunset.jpg", "hash");
        lifecycle.containerCreated(post, "17900000000000001");

        lifecycle.rebuildContainer(post, "expired");

        assertThat(post.getContainerBuilds()).isEqualTo(1);
        assertThat(post.getContainerId()).isNull();
    }
}
