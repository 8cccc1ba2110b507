package io.igpipe.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostItem;
import io.igpipe.ledger.PostLeases;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PostRecords;
import io.igpipe.ledger.PostType;
import io.igpipe.media.video.VideoTarget;
import org.springframework.stereotype.Component;

/**
 * The prepare stage: validate and optimize every file of a post into the media store, by post type. Feed photos
 * follow the feed image rules; stories are brought to 9:16; carousel items are all brought to one ratio (the
 * first item's, or a configured one); videos are probed and transcoded where Instagram would refuse them.
 */
@Component("mediaPreparation")
public class MediaPreparation {

    private final ImageOptimizer feedOptimizer;
    private final VideoMedia videos;
    private final MediaStore store;
    private final PostLifecycle lifecycle;
    private final PostRecords records;
    private final PostLeases leases;
    private final IgpipeProperties.Posts posts;
    private final Map<ImageRules, ImageOptimizer> optimizers = new ConcurrentHashMap<>();

    public MediaPreparation(ImageOptimizer optimizer, VideoMedia videos, MediaStore store, PostLifecycle lifecycle,
            PostRecords records, PostLeases leases, IgpipeProperties properties) {
        this.feedOptimizer = optimizer;
        this.videos = videos;
        this.store = store;
        this.lifecycle = lifecycle;
        this.records = records;
        this.leases = leases;
        this.posts = properties.getPosts();
        optimizers.put(optimizer.rules(), optimizer);
    }

    public void prepare(Post post) throws MediaRejectedException {
        // A post re-entering this stage (crash, rebuild) must not leave its earlier files behind.
        store.discard(post.getPreparedPath());
        store.discard(post.getCoverPreparedPath());
        PostType type = PostType.valueOf(post.getPostType());
        Prepared prepared = switch (type) {
            case CAROUSEL -> prepareCarousel(post);
            case REELS -> prepareVideo(post, VideoTarget.REELS);
            case STORIES -> "VIDEO".equals(post.getMediaType()) ? prepareVideo(post, VideoTarget.STORY)
                    : prepareImage(post, storyRules());
            case IMAGE -> prepareImage(post, feedOptimizer.rules());
        };
        if (post.getCoverOriginalPath() != null) {
            Path cover = store.newJpegFor(post.getId());
            optimizerFor(storyRules()).optimize(Path.of(post.getCoverOriginalPath()), cover, OptimizationProfile.STANDARD);
            post.setCoverPreparedPath(cover.toString());
        }
        lifecycle.prepared(post, prepared.path(), prepared.width(), prepared.height(), prepared.bytes());
    }

    private Prepared prepareImage(Post post, ImageRules rules) throws MediaRejectedException {
        OptimizedImage image = optimizeTimed(Path.of(post.getOriginalPath()), store.newJpegFor(post.getId()),
                optimizerFor(rules), profileOf(post));
        return new Prepared(image.target().toString(), image.width(), image.height(), image.bytes());
    }

    private Prepared prepareVideo(Post post, VideoTarget target) throws MediaRejectedException {
        leases.holdFor(post, videos.longestRun());
        VideoMedia.Result video = videos.prepare(Path.of(post.getOriginalPath()), target, null,
                store.newFileFor(post.getId(), ".mp4"), profileOf(post));
        lifecycle.recordStage("optimize", video.took());
        return new Prepared(video.path().toString(), video.width(), video.height(), video.bytes());
    }

    /**
     * Every child gets the same ratio, or Instagram crops them to the first one's itself; each child is prepared
     * afresh and so needs a new container.
     */
    private Prepared prepareCarousel(Post post) throws MediaRejectedException {
        List<PostItem> items = records.itemsOf(post);
        double ratio = carouselRatio(items);
        ImageRules childRules = feedOptimizer.rules().withAspectRange(ratio, ratio)
                .withAspectFix(AspectFix.valueOf(posts.getCarouselAspectFix()));
        long bytes = 0;
        for (PostItem item : items) {
            store.discard(item.getPreparedPath());
            Path source = Path.of(item.getOriginalPath());
            if (item.isVideo()) {
                leases.holdFor(post, videos.longestRun());
                VideoMedia.Result video = videos.prepare(source, VideoTarget.CAROUSEL_ITEM, ratio,
                        store.newFileFor(post.getId(), ".mp4"), profileOf(post));
                lifecycle.recordStage("optimize", video.took());
                item.setPreparedPath(video.path().toString());
                item.setPreparedWidth(video.width());
                item.setPreparedHeight(video.height());
                item.setPreparedBytes(video.bytes());
            } else {
                OptimizedImage image = optimizeTimed(source, store.newJpegFor(post.getId()), optimizerFor(childRules),
                        profileOf(post));
                item.setPreparedPath(image.target().toString());
                item.setPreparedWidth(image.width());
                item.setPreparedHeight(image.height());
                item.setPreparedBytes(image.bytes());
            }
            // new media, new containers, and a fresh rebuild allowance for each child
            item.setContainerId(null);
            item.setContainerStatus(null);
            item.setContainerBuilds(0);
            item.setContainerPolls(0);
            item.setUploadUri(null);
            item.setUploadedAt(null);
            records.save(item);
            bytes += item.getPreparedBytes();
        }
        PostItem first = items.get(0);
        return new Prepared(null, first.getPreparedWidth(), first.getPreparedHeight(), bytes);
    }

    /** The configured ratio, else the first item's, kept inside what every child type accepts. */
    private double carouselRatio(List<PostItem> items) throws MediaRejectedException {
        double ratio;
        if (posts.getCarouselAspectRatio() != null) {
            ratio = posts.getCarouselAspectRatio();
        } else {
            PostItem first = items.get(0);
            Path source = Path.of(first.getOriginalPath());
            if (first.isVideo()) {
                ratio = videos.displayAspectRatio(source);
            } else {
                ImageFacts facts = feedOptimizer.inspect(source);
                ratio = facts.displayWidth() / (double) facts.displayHeight();
            }
        }
        boolean anyVideo = items.stream().anyMatch(PostItem::isVideo);
        double max = anyVideo ? Math.min(feedOptimizer.rules().maxAspectRatio(), videos.carouselMaxAspectRatio())
                : feedOptimizer.rules().maxAspectRatio();
        return Math.max(feedOptimizer.rules().minAspectRatio(), Math.min(max, ratio));
    }

    private ImageRules storyRules() {
        return feedOptimizer.rules().withAspectRange(posts.getStoryAspectRatio(), posts.getStoryAspectRatio())
                .withAspectFix(AspectFix.valueOf(posts.getStoryAspectFix())).withMaxWidth(1080);
    }

    private ImageOptimizer optimizerFor(ImageRules rules) {
        return optimizers.computeIfAbsent(rules, ImageOptimizer::new);
    }

    private OptimizedImage optimizeTimed(Path source, Path target, ImageOptimizer optimizer, OptimizationProfile profile)
            throws MediaRejectedException {
        long started = System.nanoTime();
        optimizer.inspect(source);
        long inspected = System.nanoTime();
        lifecycle.recordStage("validate", Duration.ofNanos(inspected - started));
        OptimizedImage image = optimizer.optimize(source, target, profile);
        lifecycle.recordStage("optimize", Duration.ofNanos(System.nanoTime() - inspected));
        return image;
    }

    /** STRICT after Instagram refused the media once (smaller, forced aspect fix, re-encoded). */
    private static OptimizationProfile profileOf(Post post) {
        return post.getOptimizationProfile() == null ? OptimizationProfile.STANDARD
                : OptimizationProfile.valueOf(post.getOptimizationProfile());
    }

    private record Prepared(String path, int width, int height, long bytes) {
    }
}
