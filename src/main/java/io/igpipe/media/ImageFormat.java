package io.igpipe.media;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** The source formats igpipe decodes, recognised by their first bytes (never by the file name). */
enum ImageFormat {
    JPEG("JPEG", "jpeg"),
    PNG("PNG", "png"),
    WEBP("WebP", "webp");

    /** How many leading bytes {@link #detect} and {@link #describeOther} look at. */
    static final int SIGNATURE_BYTES = 32;

    static final String ACCEPTED = "JPEG, PNG or WebP";

    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm",
            "hevs", "mif1", "msf1", "mif2");
    private static final Set<String> AVIF_BRANDS = Set.of("avif", "avis");

    private final String displayName;
    private final String imageIoName;

    ImageFormat(String displayName, String imageIoName) {
        this.displayName = displayName;
        this.imageIoName = imageIoName;
    }

    String displayName() {
        return displayName;
    }

    /** The format name ImageIO registers readers under. */
    String imageIoName() {
        return imageIoName;
    }

    static Optional<ImageFormat> detect(byte[] head, int length) {
        if (startsWith(head, length, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, length, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(head, length, 0, 'R', 'I', 'F', 'F') && startsWith(head, length, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    /** Names a format igpipe does not accept, for the rejection message; empty when it is not recognised. */
    static Optional<String> describeOther(byte[] head, int length) {
        if (startsWith(head, length, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("a GIF image");
        }
        if (startsWith(head, length, 0, 'B', 'M')) {
            return Optional.of("a BMP image");
        }
        if (startsWith(head, length, 0, 'I', 'I', 0x2A, 0x00) || startsWith(head, length, 0, 'M', 'M', 0x00, 0x2A)) {
            return Optional.of("a TIFF image (or a camera raw file)");
        }
        if (startsWith(head, length, 4, 'f', 't', 'y', 'p') && length >= 12) {
            String brand = new String(head, 8, 4, StandardCharsets.ISO_8859_1);
            if (HEIF_BRANDS.contains(brand)) {
                return Optional.of("a HEIC/HEIF image");
            }
            if (AVIF_BRANDS.contains(brand)) {
                return Optional.of("an AVIF image");
            }
            return Optional.of("a video (MP4/MOV)");
        }
        if (startsWith(head, length, 0, 0xFF, 0x0A)
                || startsWith(head, length, 0, 0, 0, 0, 0x0C, 'J', 'X', 'L', ' ')) {
            return Optional.of("a JPEG XL image");
        }
        if (startsWith(head, length, 0, 0, 0, 0, 0x0C, 'j', 'P', ' ', ' ')
                || startsWith(head, length, 0, 0xFF, 0x4F, 0xFF, 0x51)) {
            return Optional.of("a JPEG 2000 image");
        }
        if (startsWith(head, length, 0, '8', 'B', 'P', 'S')) {
            return Optional.of("a Photoshop document");
        }
        if (startsWith(head, length, 0, '%', 'P', 'D', 'F')) {
            return Optional.of("a PDF document");
        }
        if (startsWith(head, length, 0, 'R', 'I', 'F', 'F')) {
            return Optional.of("a RIFF file that is not WebP");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int length, int offset, int... signature) {
        if (length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
