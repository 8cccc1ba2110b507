package io.igpipe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Tells a photo from a video by the file's first bytes, never by its name: a {@code .mp4} that is really a JPEG is
 * a photo. Anything else is refused with INVALID_MEDIA_TYPE before it enters the ledger.
 */
public final class MediaKind {

    public static final String IMAGE = "IMAGE";
    public static final String VIDEO = "VIDEO";

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] EBML = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3};
    /** ISO media brands of still images (HEIF, AVIF): the same container as MP4, but photos igpipe cannot decode. */
    private static final Set<String> STILL_IMAGE_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis",
            "mif1", "msf1", "mif2", "avif", "avis");

    private MediaKind() {
    }

    /** What the first bytes say. */
    private enum Content { PHOTO, VIDEO, STILL_IMAGE_IN_ISO_MEDIA, EMPTY, OTHER }

    /** IMAGE (JPEG, PNG, WebP), VIDEO (MP4/MOV, WebM/Matroska) or a rejection: what the API answers at once. */
    public static String of(Path file, String name) throws PostRejectedException {
        return switch (contentOf(head(file, name))) {
            case PHOTO -> IMAGE;
            case VIDEO -> VIDEO;
            case STILL_IMAGE_IN_ISO_MEDIA -> throw new PostRejectedException("INVALID_MEDIA_TYPE", name
                    + " is a HEIF/AVIF image; convert it to JPEG.");
            case EMPTY -> throw new PostRejectedException("INVALID_MEDIA_TYPE", name + " is empty.");
            case OTHER -> throw new PostRejectedException("INVALID_MEDIA_TYPE", name + " is neither a photo (JPEG, "
                    + "PNG, WebP) nor a video (MP4, MOV, WebM); the type is judged from the content, not the name.");
        };
    }

    /**
     * VIDEO when the content is a video, else IMAGE: a watch-folder file that is neither goes through the photo
     * checks, which file it in {@code .failed/} with the precise image code (MEDIA_UNSUPPORTED_FORMAT, MEDIA_CORRUPT).
     */
    public static String videoOrImage(Path file, String name) throws PostRejectedException {
        return contentOf(head(file, name)) == Content.VIDEO ? VIDEO : IMAGE;
    }

    private static Content contentOf(byte[] bytes) {
        if (bytes.length == 0) {
            return Content.EMPTY;
        }
        if (startsWith(bytes, 0, JPEG) || startsWith(bytes, 0, PNG)
                || (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP"))) {
            return Content.PHOTO;
        }
        if (ascii(bytes, 4, "ftyp") && bytes.length >= 12
                && STILL_IMAGE_BRANDS.contains(new String(bytes, 8, 4, StandardCharsets.ISO_8859_1))) {
            return Content.STILL_IMAGE_IN_ISO_MEDIA;
        }
        if (ascii(bytes, 4, "ftyp") || ascii(bytes, 4, "moov") || ascii(bytes, 4, "mdat") || ascii(bytes, 4, "wide")
                || startsWith(bytes, 0, EBML)) {
            return Content.VIDEO;
        }
        return Content.OTHER;
    }

    private static byte[] head(Path file, String name) throws PostRejectedException {
        byte[] head = new byte[16];
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.copyOf(head, in.readNBytes(head, 0, head.length));
        } catch (IOException e) {
            throw new PostRejectedException("MEDIA_INVALID", name + " cannot be read: " + e.getMessage());
        }
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        return startsWith(bytes, at, text.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
