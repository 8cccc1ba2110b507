package io.igpipe.graph.sandbox;

/**
 * What a container will become once published. Video kinds are listed so the model already has room for them;
 * {@link #simulated()} is false for those until the sandbox simulates transcoding and resumable uploads.
 */
public enum ContainerType {
    IMAGE("IMAGE", "FEED", true, false),
    STORY_IMAGE("IMAGE", "STORY", true, false),
    CAROUSEL_IMAGE_ITEM("IMAGE", "FEED", true, true),
    CAROUSEL("CAROUSEL_ALBUM", "FEED", true, false),
    REELS("VIDEO", "REELS", false, false),
    STORY_VIDEO("VIDEO", "STORY", false, false),
    CAROUSEL_VIDEO_ITEM("VIDEO", "FEED", false, true);

    private final String mediaType;
    private final String mediaProductType;
    private final boolean simulated;
    private final boolean carouselItem;

    ContainerType(String mediaType, String mediaProductType, boolean simulated, boolean carouselItem) {
        this.mediaType = mediaType;
        this.mediaProductType = mediaProductType;
        this.simulated = simulated;
        this.carouselItem = carouselItem;
    }

    /** {@code media_type} of the published media (a reel reads back as VIDEO, as on Instagram). */
    public String mediaType() {
        return mediaType;
    }

    /** {@code media_product_type} of the published media: FEED, STORY or REELS. */
    public String mediaProductType() {
        return mediaProductType;
    }

    public boolean simulated() {
        return simulated;
    }

    public boolean carouselItem() {
        return carouselItem;
    }

    /** Stories are cropped by Instagram instead of being refused, so they have no aspect-ratio limit. */
    public boolean aspectRatioLimited() {
        return this == IMAGE || this == CAROUSEL_IMAGE_ITEM;
    }

    public boolean fetchesImage() {
        return this == IMAGE || this == STORY_IMAGE || this == CAROUSEL_IMAGE_ITEM;
    }
}
