package io.igpipe.media;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a walk over a PNG's or WebP's chunk headers finds: the EXIF block, the colour profile and the kind of WebP
 * bitstream. Only those chunks are read, each up to a size cap. Nothing else is parsed or decompressed: PNG text
 * chunks (a zTXt chunk of 1 MB can inflate to gigabytes) and XMP are never touched, which is why the readers are
 * told to ignore metadata and metadata-extractor is only given these bytes.
 *
 * @param exif         TIFF-structured EXIF data (without the "Exif\0\0" preamble), or null
 * @param iccProfile   uncompressed ICC profile from PNG's iCCP chunk, or null
 * @param declaresSrgb PNG's sRGB chunk is present (it overrides iCCP)
 * @param lossyWebp    the WebP holds a lossy (VP8) bitstream, whose decoder needs far more memory than the others
 */
record ContainerScan(byte[] exif, byte[] iccProfile, boolean declaresSrgb, boolean lossyWebp) {

    static final ContainerScan NONE = new ContainerScan(null, null, false, false);

    private static final int MAX_EXIF_BYTES = 1024 * 1024;
    private static final int MAX_ICC_CHUNK_BYTES = 2 * 1024 * 1024;
    private static final int MAX_ICC_PROFILE_BYTES = 4 * 1024 * 1024;
    private static final int MAX_CHUNKS = 10_000;
    private static final byte[] EXIF_PREAMBLE = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    /** Scans PNG chunks before the first IDAT. Damaged structure yields what was found so far. */
    static ContainerScan ofPng(Path file) {
        byte[] exif = null;
        byte[] iccProfile = null;
        boolean srgb = false;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long position = 8;
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
            for (int n = 0; n < MAX_CHUNKS && position + 8 <= channel.size(); n++) {
                channel.position(position);
                readFully(channel, header.clear());
                long length = header.getInt(0) & 0xFFFFFFFFL;
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);
                if (type.equals("IDAT") || type.equals("IEND")) {
                    break;
                }
                if (type.equals("eXIf") && length <= MAX_EXIF_BYTES && exif == null) {
                    exif = withoutPreamble(readBytes(channel, (int) length));
                } else if (type.equals("iCCP") && length <= MAX_ICC_CHUNK_BYTES && iccProfile == null) {
                    iccProfile = inflateProfile(readBytes(channel, (int) length));
                } else if (type.equals("sRGB")) {
                    srgb = true;
                }
                position += 12 + length;
            }
        } catch (IOException | RuntimeException e) {
            // Structure problems are the pixel decoder's to report; metadata is optional.
        }
        return new ContainerScan(exif, iccProfile, srgb, false);
    }

    /**
     * Scans WebP (RIFF) chunks for EXIF and the bitstream kind. ICC profiles in WebP are applied by the TwelveMonkeys
     * reader itself.
     */
    static ContainerScan ofWebp(Path file) {
        byte[] exif = null;
        boolean lossy = false;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long end = Math.min(channel.size(), 8 + readRiffSize(channel));
            long position = 12;
            ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            for (int n = 0; n < MAX_CHUNKS && position + 8 <= end; n++) {
                channel.position(position);
                readFully(channel, header.clear());
                String type = new String(header.array(), 0, 4, StandardCharsets.ISO_8859_1);
                long length = header.getInt(4) & 0xFFFFFFFFL;
                if (type.equals("EXIF") && length <= MAX_EXIF_BYTES && exif == null) {
                    exif = withoutPreamble(readBytes(channel, (int) length));
                } else if (type.equals("VP8 ") || type.equals("ANMF")) {
                    // ANMF: an animation frame, possibly lossy; its first frame is what gets decoded
                    lossy = true;
                }
                position += 8 + length + (length & 1);
            }
        } catch (IOException | RuntimeException e) {
            // as for PNG
        }
        return new ContainerScan(exif, null, false, lossy);
    }

    private static long readRiffSize(SeekableByteChannel channel) throws IOException {
        ByteBuffer riff = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        channel.position(0);
        readFully(channel, riff);
        return riff.getInt(4) & 0xFFFFFFFFL;
    }

    private static byte[] readBytes(SeekableByteChannel channel, int length) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(length);
        readFully(channel, data);
        return data.array();
    }

    private static void readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException();
            }
        }
    }

    private static byte[] withoutPreamble(byte[] exif) {
        for (int i = 0; i < EXIF_PREAMBLE.length; i++) {
            if (exif.length <= EXIF_PREAMBLE.length || exif[i] != EXIF_PREAMBLE[i]) {
                return exif;
            }
        }
        byte[] tiff = new byte[exif.length - EXIF_PREAMBLE.length];
        System.arraycopy(exif, EXIF_PREAMBLE.length, tiff, 0, tiff.length);
        return tiff;
    }

    /** iCCP: profile name (1-79 bytes), NUL, compression method 0, then the zlib-compressed profile. */
    private static byte[] inflateProfile(byte[] chunk) {
        int nul = 0;
        while (nul < chunk.length && chunk[nul] != 0) {
            nul++;
        }
        if (nul + 2 > chunk.length || chunk[nul + 1] != 0) {
            return null;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(chunk, nul + 2, chunk.length - nul - 2);
            ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length * 3);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return null;
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_ICC_PROFILE_BYTES) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.end();
        }
    }
}
