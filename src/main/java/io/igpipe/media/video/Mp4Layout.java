package io.igpipe.media.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What ffprobe does not say about an MP4/MOV file, read from its box structure: whether the {@code moov} index
 * comes before the {@code mdat} media data (Instagram needs it first: "faststart"), and whether a track has an
 * edit list that changes playback (several edits, or an empty edit that delays a track). A single edit that only
 * skips the encoder delay, as every ffmpeg/x264 MP4 has, is normal and not reported.
 *
 * <p>Only box headers and edit lists are read, a few hundred bytes whatever the file size.
 *
 * @param moovBeforeMdat  the moov box precedes the first mdat box (true when there is no mdat at all, e.g. a
 *                        fragmented MP4 whose media sits in moof/mdat pairs after the moov)
 * @param complexEditList some track's edit list has more than one entry or an empty edit
 */
record Mp4Layout(boolean moovBeforeMdat, boolean complexEditList) {

    static final Mp4Layout NOT_MP4 = new Mp4Layout(false, false);

    private static final int HEADER = 8;
    private static final int LARGE_HEADER = 16;
    /** Edit lists longer than this are certainly not a simple delay skip; reading stops there. */
    private static final int MAX_EDITS_READ = 64;

    private record Box(String type, long contentStart, long end) {
    }

    static Mp4Layout of(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = 0;
            long size = channel.size();
            while (position < size) {
                Box box = readBox(channel, position, size);
                if (box == null) {
                    return NOT_MP4;
                }
                if (box.type().equals("moov")) {
                    return new Mp4Layout(true, hasComplexEditList(channel, box));
                }
                if (box.type().equals("mdat")) {
                    return new Mp4Layout(false, false);
                }
                position = box.end();
            }
            return NOT_MP4;
        }
    }

    private static boolean hasComplexEditList(FileChannel channel, Box moov) throws IOException {
        for (Box trak : children(channel, moov, "trak")) {
            for (Box edts : children(channel, trak, "edts")) {
                for (Box elst : children(channel, edts, "elst")) {
                    if (isComplex(channel, elst)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** elst: version(1) flags(3) count(4), then per entry duration and media time (32 or 64 bit) and rate(4). */
    private static boolean isComplex(FileChannel channel, Box elst) throws IOException {
        ByteBuffer header = read(channel, elst.contentStart(), 8);
        if (header == null) {
            return false;
        }
        int version = header.get(0);
        long count = Integer.toUnsignedLong(header.getInt(4));
        if (count > 1) {
            return true;
        }
        if (count == 0) {
            return false;
        }
        int entrySize = version == 1 ? 20 : 12;
        ByteBuffer entry = read(channel, elst.contentStart() + 8, entrySize);
        if (entry == null) {
            return false;
        }
        long mediaTime = version == 1 ? entry.getLong(8) : entry.getInt(4);
        return mediaTime == -1;
    }

    private static List<Box> children(FileChannel channel, Box parent, String type) throws IOException {
        List<Box> found = new ArrayList<>();
        long position = parent.contentStart();
        while (position < parent.end() && found.size() < MAX_EDITS_READ) {
            Box box = readBox(channel, position, parent.end());
            if (box == null) {
                break;
            }
            if (box.type().equals(type)) {
                found.add(box);
            }
            position = box.end();
        }
        return found;
    }

    /** The box at {@code position}, or null when the bytes there are not a plausible box inside {@code limit}. */
    private static Box readBox(FileChannel channel, long position, long limit) throws IOException {
        ByteBuffer header = read(channel, position, HEADER);
        if (header == null || limit - position < HEADER) {
            return null;
        }
        long size = Integer.toUnsignedLong(header.getInt(0));
        byte[] typeBytes = new byte[4];
        header.position(4);
        header.get(typeBytes);
        for (byte b : typeBytes) {
            if (b < 0x20 || b > 0x7e) {
                return null;
            }
        }
        long contentStart = position + HEADER;
        if (size == 1) {
            ByteBuffer large = read(channel, position + HEADER, LARGE_HEADER - HEADER);
            if (large == null) {
                return null;
            }
            size = large.getLong(0);
            contentStart = position + LARGE_HEADER;
        } else if (size == 0) {
            size = limit - position;
        }
        if (size < contentStart - position || position + size > limit) {
            return null;
        }
        return new Box(new String(typeBytes, StandardCharsets.US_ASCII), contentStart, position + size);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.flip();
    }
}
