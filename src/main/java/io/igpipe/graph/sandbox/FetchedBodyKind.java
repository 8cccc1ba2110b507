package io.igpipe.graph.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a fetched body is, judged by its first bytes. Instagram answers an HTML or text page (a login wall, an
 * error page, a redirect page) differently from an image in the wrong format, so the two must be told apart.
 */
enum FetchedBodyKind {
    JPEG,
    OTHER_IMAGE,
    TEXT,
    UNKNOWN_BINARY;

    static FetchedBodyKind of(byte[] bytes, String contentType) {
        if (JpegInspector.isJpeg(bytes)) {
            return JPEG;
        }
        if (isKnownImage(bytes)) {
            return OTHER_IMAGE;
        }
        if (declaresText(contentType) || looksLikeText(bytes)) {
            return TEXT;
        }
        return UNKNOWN_BINARY;
    }

    private static boolean isKnownImage(byte[] b) {
        return startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                || startsWith(b, 0, "GIF8".getBytes(StandardCharsets.US_ASCII))
                || (startsWith(b, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                        && startsWith(b, 8, "WEBP".getBytes(StandardCharsets.US_ASCII)))
                || startsWith(b, 0, "BM".getBytes(StandardCharsets.US_ASCII))
                || startsWith(b, 0, new byte[] {'I', 'I', 42, 0})
                || startsWith(b, 0, new byte[] {'M', 'M', 0, 42})
                || startsWith(b, 0, new byte[] {(byte) 0xFF, 0x0A})
                // ISO media (HEIC, HEIF, AVIF, MP4): "ftyp" box at offset 4.
                || startsWith(b, 4, "ftyp".getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean declaresText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("html") || type.contains("json") || type.contains("xml");
    }

    private static boolean looksLikeText(byte[] b) {
        int length = Math.min(b.length, 512);
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xFF;
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f';
            if (control || c == 0x7F) {
                return false;
            }
        }
        return length > 0;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
