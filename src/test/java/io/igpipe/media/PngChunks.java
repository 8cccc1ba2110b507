package io.igpipe.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/** Builds and splices PNG chunks, for PNG features the JDK writer does not produce (iCCP, eXIf, a huge IHDR). */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private PngChunks() {
    }

    static byte[] chunk(String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buffer = ByteBuffer.allocate(12 + data.length);
        buffer.putInt(data.length).put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    /** Inserts a chunk right after IHDR (signature 8 bytes + IHDR chunk 25 bytes). */
    static byte[] insertAfterHeader(byte[] png, byte[] chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + chunk.length);
        out.write(png, 0, 33);
        out.write(chunk, 0, chunk.length);
        out.write(png, 33, png.length - 33);
        return out.toByteArray();
    }

    static byte[] iccp(String name, byte[] profile) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(name.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.write(0);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(data)) {
            deflater.write(profile);
        }
        return chunk("iCCP", data.toByteArray());
    }

    /** An eXIf chunk holding Orientation = {@code orientation}. */
    static byte[] exif(int orientation) {
        return chunk("eXIf", ExifSegments.tiffWithOrientation(orientation));
    }

    /** A PNG whose header claims {@code width x height} RGB pixels, followed by a few bytes of image data. */
    static byte[] withHeaderOnly(int width, int height) throws IOException {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(idat)) {
            deflater.write(new byte[1024]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SIGNATURE);
        out.write(chunk("IHDR", ihdr.array()));
        out.write(chunk("IDAT", idat.toByteArray()));
        out.write(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }
}
