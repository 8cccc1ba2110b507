package io.igpipe.graph.sandbox;

/**
 * What a container will become once published, and which of the creation parameters of Meta's table (graph-api.md
 * §1.1) it takes. A parameter a type does not take is ignored, as Instagram does, except on carousel children
 * where Instagram refuses the parent-only ones (see {@link ContainerCreation}).
 */
public enum ContainerType {
    IMAGE("IMAGE", "FEED"),
    STORY_IMAGE("IMAGE", "STORY"),
    CAROUSEL_IMAGE_ITEM("IMAGE", "FEED"),
    CAROUSEL("CAROUSEL_ALBUM", "FEED"),
    REELS("VIDEO", "REELS"),
    STORY_VIDEO("VIDEO", "STORY"),
    CAROUSEL_VIDEO_ITEM("VIDEO", "FEED"),
    /**
     * {@code media_type=VIDEO} without {@code is_carousel_item}: still accepted at creation, refused at publish with
     * 100/2207089 since every single video became a reel.
     */
    STANDALONE_VIDEO("VIDEO", "FEED");

    private final String mediaType;
    private final String mediaProductType;

    ContainerType(String mediaType, String mediaProductType) {
        this.mediaType = mediaType;
        this.mediaProductType = mediaProductType;
    }

    /** {@code media_type} of the published media (a reel reads back as VIDEO, as on Instagram). */
    public String mediaType() {
        return mediaType;
    }

    /** {@code media_product_type} of the published media: FEED, STORY or REELS. */
    public String mediaProductType() {
        return mediaProductType;
    }

    public boolean carouselItem() {
        return this == CAROUSEL_IMAGE_ITEM || this == CAROUSEL_VIDEO_ITEM;
    }

    /** Carousel items and standalone VIDEO containers can only be published inside a carousel. */
    public boolean publishableAlone() {
        return !carouselItem() && this != STANDALONE_VIDEO;
    }

    public boolean video() {
        return mediaType.equals("VIDEO");
    }

    public boolean story() {
        return mediaProductType.equals("STORY");
    }

    /** Stories are cropped by Instagram instead of being refused, so they have no aspect-ratio limit. */
    public boolean aspectRatioLimited() {
        return this == IMAGE || this == CAROUSEL_IMAGE_ITEM;
    }

    public boolean fetchesImage() {
        return mediaType.equals("IMAGE");
    }

    /** {@code caption}, {@code location_id} and {@code collaborators}: feed posts, reels and carousel parents. */
    public boolean takesPostMetadata() {
        return this == IMAGE || this == REELS || this == CAROUSEL || this == STANDALONE_VIDEO;
    }

    public boolean takesAltText() {
        return this == IMAGE || this == CAROUSEL_IMAGE_ITEM;
    }

    public boolean takesUserTags() {
        return this != CAROUSEL;
    }

    /** Tags on a photo point at a spot of it; on stories and videos the position is optional. */
    public boolean userTagPositionRequired() {
        return this == IMAGE || this == CAROUSEL_IMAGE_ITEM;
    }

    /** {@code cover_url}, {@code share_to_feed} and {@code audio_name} exist for reels only. */
    public boolean takesReelExtras() {
        return this == REELS;
    }

    public boolean takesThumbOffset() {
        return this == REELS || this == CAROUSEL_VIDEO_ITEM || this == STANDALONE_VIDEO;
    }
}
