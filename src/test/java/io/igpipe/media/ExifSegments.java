package io.igpipe.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Minimal EXIF data carrying only an orientation, for JPEG (APP1) and PNG (eXIf) test sources. */
final class ExifSegments {

    private ExifSegments() {
    }

    /** A big-endian TIFF structure with one IFD0 entry: Orientation (0x0112) = {@code orientation}. */
    static byte[] tiffWithOrientation(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        return tiff.array();
    }

    /** The JPEG with an APP1 Exif segment (orientation only) inserted right after SOI. */
    static byte[] jpegWithOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = tiffWithOrientation(orientation);
        byte[] id = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int length = 2 + id.length + tiff.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(id).put(tiff);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }
}
