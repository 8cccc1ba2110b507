package io.igpipe.media;

/**
 * What a source photo's header says, read without decoding its pixels.
 *
 * @param format          content format: {@code JPEG}, {@code PNG} or {@code WEBP} (never from the file name)
 * @param width           stored width in px, as in the file header (before EXIF orientation)
 * @param height          stored height in px, as in the file header (before EXIF orientation)
 * @param exifOrientation EXIF orientation 1..8; 1 when absent or invalid
 * @param fileBytes       size of the file
 */
public record ImageFacts(String format, int width, int height, int exifOrientation, long fileBytes) {

    /** Width as the photo is meant to be seen (after EXIF orientation). */
    public int displayWidth() {
        return exifOrientation >= 5 ? height : width;
    }

    /** Height as the photo is meant to be seen (after EXIF orientation). */
    public int displayHeight() {
        return exifOrientation >= 5 ? width : height;
    }
}
