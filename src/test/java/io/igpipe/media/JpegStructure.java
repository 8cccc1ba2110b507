package io.igpipe.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The marker segments of a JPEG up to the first scan, parsed from the bytes (no ImageIO involved). */
record JpegStructure(List<Segment> segments) {

    record Segment(int marker, byte[] payload) {
        boolean isApp(int n, String identifier) {
            if (marker != 0xE0 + n) {
                return false;
            }
            byte[] id = identifier.getBytes(StandardCharsets.ISO_8859_1);
            if (payload.length < id.length) {
                return false;
            }
            for (int i = 0; i < id.length; i++) {
                if (payload[i] != id[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    static JpegStructure of(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    static JpegStructure of(byte[] jpeg) {
        if ((jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("Not a JPEG: no SOI");
        }
        List<Segment> segments = new ArrayList<>();
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            if ((jpeg[pos] & 0xFF) != 0xFF) {
                throw new IllegalArgumentException("Expected a marker at " + pos);
            }
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            byte[] payload = new byte[length - 2];
            System.arraycopy(jpeg, pos + 4, payload, 0, payload.length);
            segments.add(new Segment(marker, payload));
            if (marker == 0xDA) {
                break;
            }
            pos += 2 + length;
        }
        return new JpegStructure(List.copyOf(segments));
    }

    /** The start-of-frame marker: 0xC0 baseline, 0xC1 extended sequential, 0xC2 progressive, ... */
    int frameMarker() {
        return frame().marker();
    }

    int frameComponents() {
        return frame().payload()[5] & 0xFF;
    }

    int frameWidth() {
        byte[] p = frame().payload();
        return ((p[3] & 0xFF) << 8) | (p[4] & 0xFF);
    }

    int frameHeight() {
        byte[] p = frame().payload();
        return ((p[1] & 0xFF) << 8) | (p[2] & 0xFF);
    }

    boolean hasExif() {
        return segments.stream().anyMatch(s -> s.isApp(1, "Exif\0"));
    }

    boolean hasIccProfile() {
        return segments.stream().anyMatch(s -> s.isApp(2, "ICC_PROFILE\0"));
    }

    boolean hasAdobeMarker() {
        return segments.stream().anyMatch(s -> s.isApp(14, "Adobe"));
    }

    boolean hasJfif() {
        return segments.stream().anyMatch(s -> s.isApp(0, "JFIF\0"));
    }

    private Segment frame() {
        return segments.stream()
                .filter(s -> s.marker() >= 0xC0 && s.marker() <= 0xCF && s.marker() != 0xC4 && s.marker() != 0xC8
                        && s.marker() != 0xCC)
                .findFirst().orElseThrow(() -> new IllegalStateException("No SOF marker"));
    }
}
