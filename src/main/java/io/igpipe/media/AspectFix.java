package io.igpipe.media;

/** How a photo whose width/height ratio is outside Instagram's range is brought inside it. */
public enum AspectFix {
    /** Centre-crop to the nearest allowed ratio: nothing is added, the edges of the long side are cut. */
    CROP,
    /** Letterbox to the nearest allowed ratio with bars of {@link ImageRules#padColor()}: nothing is cut. */
    PAD
}
