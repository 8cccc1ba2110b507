package io.igpipe.media;

import java.nio.file.Path;

/**
 * An optimized photo: a baseline sRGB JPEG without EXIF, upright, inside the ratio and size limits.
 *
 * @param target           where the JPEG was written (atomically)
 * @param width            output width, px
 * @param height           output height, px
 * @param bytes            output file size
 * @param sourceFormat     content format of the source: {@code JPEG}, {@code PNG} or {@code WEBP}
 * @param sourceWidth      stored width of the source, px (before EXIF orientation)
 * @param sourceHeight     stored height of the source, px (before EXIF orientation)
 * @param exifOrientation  the source's EXIF orientation (1..8, 1 when absent) that was applied
 * @param aspectFixApplied CROP or PAD when the ratio had to be changed, null when it was already inside
 * @param jpegQuality      the JPEG quality the output was written with
 */
public record OptimizedImage(Path target, int width, int height, long bytes, String sourceFormat,
        int sourceWidth, int sourceHeight, int exifOrientation, AspectFix aspectFixApplied, float jpegQuality) {
}
