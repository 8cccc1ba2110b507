package io.igpipe.media;

import java.nio.file.Path;

import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostLifecycle;
import org.springframework.stereotype.Component;

/** The prepare stage: validate and optimize the original into the media store. */
@Component("mediaPreparation")
public class MediaPreparation {

    private final ImageOptimizer optimizer;
    private final MediaStore store;
    private final PostLifecycle lifecycle;

    public MediaPreparation(ImageOptimizer optimizer, MediaStore store, PostLifecycle lifecycle) {
        this.optimizer = optimizer;
        this.store = store;
        this.lifecycle = lifecycle;
    }

    public void prepare(Post post) throws MediaRejectedException {
        // A post re-entering this stage (crash, rebuild) must not leave its earlier file behind.
        store.discard(post.getPreparedPath());
        Path target = store.newJpegFor(post.getId());
        OptimizedImage image = optimizer.optimize(Path.of(post.getOriginalPath()), target, OptimizationProfile.STANDARD);
        lifecycle.prepared(post, target.toString(), image.width(), image.height(), image.bytes());
    }
}
