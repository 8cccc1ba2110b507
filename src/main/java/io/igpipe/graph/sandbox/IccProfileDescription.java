package io.igpipe.graph.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the human description of an ICC profile ('desc' tag, v2 text or v4 multi-localised) without going
 * through java.awt, whose colour management would be needless for one string.
 */
final class IccProfileDescription {

    private IccProfileDescription() {
    }

    static Optional<String> of(byte[] profile) {
        try {
            if (profile.length < 132) {
                return Optional.empty();
            }
            long tagCount = u32(profile, 128);
            for (int i = 0; i < tagCount; i++) {
                int entry = 132 + i * 12;
                if (entry + 12 > profile.length) {
                    return Optional.empty();
                }
                if (!ascii(profile, entry, 4).equals("desc")) {
                    continue;
                }
                int offset = (int) u32(profile, entry + 4);
                String type = ascii(profile, offset, 4);
                if (type.equals("desc")) {
                    int length = (int) u32(profile, offset + 8);
                    return Optional.of(ascii(profile, offset + 12, length).replace("\0", "").trim());
                }
                if (type.equals("mluc")) {
                    int length = (int) u32(profile, offset + 16 + 4);
                    int stringOffset = (int) u32(profile, offset + 16 + 8);
                    return Optional.of(new String(profile, offset + stringOffset, length, StandardCharsets.UTF_16BE)
                            .replace("\0", "").trim());
                }
                return Optional.empty();
            }
            return Optional.empty();
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * A profile counts as sRGB when it says so, whatever its vendor ("sRGB IEC61966-2.1", "sRGB built-in",
     * "sRGB2014"), except the linear-light variants ("linear sRGB", scRGB), which need converting like any other.
     */
    static boolean isSrgb(String description) {
        if (description == null) {
            return false;
        }
        String text = description.toLowerCase(Locale.ROOT);
        return text.contains("srgb") && !text.contains("linear") && !text.contains("scrgb");
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    private static String ascii(byte[] b, int at, int length) {
        return new String(b, at, length, StandardCharsets.ISO_8859_1);
    }
}
