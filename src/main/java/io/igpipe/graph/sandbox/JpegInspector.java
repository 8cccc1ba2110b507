package io.igpipe.graph.sandbox;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Decides, as Instagram does, whether fetched bytes are a publishable JPEG. The format is sniffed from the bytes,
 * never from the Content-Type. The marker structure is walked to read the frame and find truncation, then the
 * image is decoded so corrupt entropy data is caught too.
 */
final class JpegInspector {

    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int SOF2 = 0xC2;
    private static final int DHT = 0xC4;
    private static final int JPG = 0xC8;
    private static final int DAC = 0xCC;
    private static final int SOS = 0xDA;
    private static final int EOI = 0xD9;
    private static final int APP2 = 0xE2;
    private static final int APP14 = 0xEE;
    private static final byte[] ICC_SIGNATURE = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] MPF_SIGNATURE = "MPF\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ADOBE_SIGNATURE = "Adobe".getBytes(StandardCharsets.ISO_8859_1);

    /** Larger images are decoded subsampled: every byte of entropy data is still read, in less memory. */
    private static final int DECODE_EDGE = 512;

    private JpegInspector() {
    }

    static boolean isJpeg(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8
                && (bytes[2] & 0xFF) == 0xFF;
    }

    /** Facts about a JPEG, or 36001/2207005 when it is not one Instagram can take. */
    static ImageFacts inspect(byte[] bytes, String contentType) {
        if (!isJpeg(bytes)) {
            throw GraphError.imageFormatNotSupported().raise();
        }
        Structure structure = walk(bytes);
        decode(bytes, Math.max(structure.width, structure.height));
        String iccDescription = structure.iccProfile == null
                ? null
                : IccProfileDescription.of(structure.iccProfile).orElse("unnamed profile");
        return new ImageFacts(
                bytes.length,
                MediaDigest.sha256(bytes),
                structure.width,
                structure.height,
                structure.frameMarker == SOF2 ? JpegEncoding.PROGRESSIVE : JpegEncoding.BASELINE,
                structure.components,
                structure.adobeTransform != null,
                structure.adobeTransform,
                iccDescription,
                structure.iccProfile != null && !IccProfileDescription.isSrgb(iccDescription),
                contentType);
    }

    private static final class Structure {
        int frameMarker = -1;
        int width;
        int height;
        int components;
        Integer adobeTransform;
        byte[] iccProfile;
        final TreeMap<Integer, byte[]> iccChunks = new TreeMap<>();
    }

    private static Structure walk(byte[] b) {
        Structure s = new Structure();
        int pos = 2;
        while (true) {
            if (pos >= b.length || (b[pos] & 0xFF) != 0xFF) {
                throw corrupt();
            }
            while (pos < b.length && (b[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= b.length) {
                throw corrupt();
            }
            int marker = b[pos++] & 0xFF;
            if (marker == EOI) {
                break;
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue;
            }
            if (pos + 2 > b.length) {
                throw corrupt();
            }
            int length = u16(b, pos);
            if (length < 2 || pos + length > b.length) {
                throw corrupt();
            }
            int payload = pos + 2;
            int payloadLength = length - 2;
            if (isFrameMarker(marker)) {
                readFrame(s, marker, b, payload, payloadLength);
            } else if (marker == APP14 && startsWith(b, payload, payloadLength, ADOBE_SIGNATURE)
                    && payloadLength >= 12) {
                s.adobeTransform = b[payload + 11] & 0xFF;
            } else if (marker == APP2 && startsWith(b, payload, payloadLength, ICC_SIGNATURE)
                    && payloadLength > ICC_SIGNATURE.length + 2) {
                int sequence = b[payload + ICC_SIGNATURE.length] & 0xFF;
                int from = payload + ICC_SIGNATURE.length + 2;
                s.iccChunks.put(sequence, Arrays.copyOfRange(b, from, payload + payloadLength));
            } else if (marker == APP2 && startsWith(b, payload, payloadLength, MPF_SIGNATURE)) {
                // Multi-picture (MPO) and stereo files are JPEG-framed but Instagram refuses them.
                throw GraphError.imageFormatNotSupported().raise();
            }
            pos += length;
            if (marker == SOS) {
                if (s.frameMarker < 0) {
                    throw corrupt();
                }
                pos = skipEntropyCodedData(b, pos);
            }
        }
        if (s.frameMarker < 0 || s.width == 0 || s.height == 0) {
            throw corrupt();
        }
        if (!s.iccChunks.isEmpty()) {
            ByteArrayOutputStream profile = new ByteArrayOutputStream();
            s.iccChunks.values().forEach(chunk -> profile.write(chunk, 0, chunk.length));
            s.iccProfile = profile.toByteArray();
        }
        return s;
    }

    private static boolean isFrameMarker(int marker) {
        return marker >= SOF0 && marker <= 0xCF && marker != DHT && marker != JPG && marker != DAC;
    }

    private static void readFrame(Structure s, int marker, byte[] b, int payload, int payloadLength) {
        if (payloadLength < 6) {
            throw corrupt();
        }
        // Lossless, hierarchical and arithmetic-coded JPEGs exist on paper but not on Instagram.
        if (marker != SOF0 && marker != SOF1 && marker != SOF2) {
            throw GraphError.imageFormatNotSupported().raise();
        }
        if ((b[payload] & 0xFF) != 8) {
            throw GraphError.imageFormatNotSupported().raise();
        }
        s.frameMarker = marker;
        s.height = u16(b, payload + 1);
        s.width = u16(b, payload + 3);
        s.components = b[payload + 5] & 0xFF;
        if (s.components != 1 && s.components != 3 && s.components != 4) {
            throw corrupt();
        }
    }

    /** Returns the position of the marker that ends the scan, or the end of the data if there is none. */
    private static int skipEntropyCodedData(byte[] b, int pos) {
        while (pos < b.length) {
            if ((b[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            if (pos + 1 >= b.length) {
                return b.length;
            }
            int next = b[pos + 1] & 0xFF;
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                pos += 2;
            } else if (next == 0xFF) {
                pos++;
            } else {
                return pos;
            }
        }
        return pos;
    }

    private static void decode(byte[] bytes, int longestEdge) {
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw GraphError.imageFormatNotSupported().raise();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longestEdge / DECODE_EDGE);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof GraphErrorException graphError) {
                throw graphError;
            }
            throw corrupt();
        }
        boolean damaged = warnings.stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .anyMatch(w -> w.contains("premature") || w.contains("corrupt"));
        if (damaged) {
            throw corrupt();
        }
    }

    private static GraphErrorException corrupt() {
        return GraphError.imageFormatNotSupported().raise();
    }

    private static boolean startsWith(byte[] b, int at, int available, byte[] prefix) {
        if (available < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
