package io.igpipe.media;

import java.nio.file.Path;
import java.time.Duration;

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
        Path original = Path.of(post.getOriginalPath());
        long started = System.nanoTime();
        optimizer.inspect(original);
        long inspected = System.nanoTime();
        lifecycle.recordStage("validate", Duration.ofNanos(inspected - started));
        OptimizedImage image = optimizer.optimize(original, target, profileOf(post));
        lifecycle.recordStage("optimize", Duration.ofNanos(System.nanoTime() - inspected));
        lifecycle.prepared(post, target.toString(), image.width(), image.height(), image.bytes());
    }

    /** STRICT after Instagram refused the media once (smaller, forced aspect fix, re-encoded). */
    private static OptimizationProfile profileOf(Post post) {
        return post.getOptimizationProfile() == null ? OptimizationProfile.STANDARD
                : OptimizationProfile.valueOf(post.getOptimizationProfile());
    }
}
