package io.igpipe.graph.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the ISO base media file format (MP4, MOV) far enough to judge a video as Instagram does, without decoding
 * a single frame: the {@code ftyp} brand, the order of {@code moov} and {@code mdat}, edit lists, and per track the
 * handler, sample entry, size, rotation, duration and sample rate. Anything that is not ISO-BMFF (WebM, text,
 * noise) is refused as {@link NotIsoMedia}.
 */
final class Mp4Inspector {

    /** The body is not an ISO-BMFF file, or its boxes are broken. */
    static final class NotIsoMedia extends RuntimeException {
        NotIsoMedia(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final int BOX_HEADER = 8;

    private Mp4Inspector() {
    }

    static VideoFacts inspect(byte[] bytes) {
        if (bytes.length < BOX_HEADER || !fourcc(bytes, 4).equals("ftyp")) {
            throw new NotIsoMedia(isEbml(bytes) ? "WebM/Matroska, not MP4" : "no ftyp box at the start");
        }
        Reading reading = new Reading();
        for (Box box : Box.children(bytes, 0, bytes.length)) {
            switch (box.type()) {
                case "ftyp" -> reading.majorBrand = fourcc(bytes, box.bodyStart());
                case "moov" -> {
                    reading.moovSeen = true;
                    reading.moovBeforeMdat = reading.mdatBytes == 0;
                    readMovie(bytes, box, reading);
                }
                case "mdat" -> reading.mdatBytes += Math.max(1, box.end() - box.bodyStart());
                default -> {
                    // free, skip, uuid, meta...: nothing Instagram judges
                }
            }
        }
        if (!reading.moovSeen) {
            throw new NotIsoMedia("no moov box");
        }
        return reading.facts(bytes);
    }

    private static void readMovie(byte[] bytes, Box moov, Reading reading) {
        for (Box trak : Box.children(bytes, moov.bodyStart(), moov.end())) {
            if (trak.type().equals("trak")) {
                Track track = readTrack(bytes, trak);
                reading.complexEditList |= track.complexEditList;
                if (track.handler.equals("vide") && reading.video == null) {
                    reading.video = track;
                } else if (track.handler.equals("soun") && reading.audio == null) {
                    reading.audio = track;
                }
            }
        }
    }

    private static Track readTrack(byte[] bytes, Box trak) {
        Track track = new Track();
        for (Box box : Box.children(bytes, trak.bodyStart(), trak.end())) {
            switch (box.type()) {
                case "tkhd" -> readTrackHeader(bytes, box, track);
                case "edts" -> Box.find(bytes, box, "elst").ifPresent(elst -> readEditList(bytes, elst, track));
                case "mdia" -> readMedia(bytes, box, track);
                default -> {
                    // udta and the like
                }
            }
        }
        return track;
    }

    private static void readTrackHeader(byte[] bytes, Box tkhd, Track track) {
        int version = u8(bytes, tkhd.bodyStart());
        // version, flags, two times, track id, reserved, duration; then reserved, layer, group, volume, reserved
        int matrix = tkhd.bodyStart() + 4 + (version == 1 ? 32 : 20) + 16;
        int a = s32(bytes, matrix);
        int b = s32(bytes, matrix + 4);
        track.rotation = (int) Math.round(Math.toDegrees(Math.atan2(b, a)) + 360) % 360;
        track.width = u32(bytes, matrix + 36) >>> 16;
        track.height = u32(bytes, matrix + 40) >>> 16;
    }

    /** One edit that starts at a real media time is what every muxer writes; anything else is an edit list. */
    private static void readEditList(byte[] bytes, Box elst, Track track) {
        int version = u8(bytes, elst.bodyStart());
        long entries = u32(bytes, elst.bodyStart() + 4) & 0xFFFFFFFFL;
        if (entries > 1) {
            track.complexEditList = true;
        } else if (entries == 1) {
            int mediaTimeAt = elst.bodyStart() + 8 + (version == 1 ? 8 : 4);
            long mediaTime = version == 1 ? s64(bytes, mediaTimeAt) : s32(bytes, mediaTimeAt);
            track.complexEditList = mediaTime < 0;
        }
    }

    private static void readMedia(byte[] bytes, Box mdia, Track track) {
        for (Box box : Box.children(bytes, mdia.bodyStart(), mdia.end())) {
            switch (box.type()) {
                case "mdhd" -> {
                    int version = u8(bytes, box.bodyStart());
                    int at = box.bodyStart() + 4 + (version == 1 ? 16 : 8);
                    track.timescale = u32(bytes, at) & 0xFFFFFFFFL;
                    track.duration = version == 1 ? s64(bytes, at + 4) : u32(bytes, at + 4) & 0xFFFFFFFFL;
                }
                case "hdlr" -> track.handler = fourcc(bytes, box.bodyStart() + 8);
                case "minf" -> Box.find(bytes, box, "stbl").ifPresent(stbl -> readSampleTable(bytes, stbl, track));
                default -> {
                    // elng and the like
                }
            }
        }
    }

    private static void readSampleTable(byte[] bytes, Box stbl, Track track) {
        for (Box box : Box.children(bytes, stbl.bodyStart(), stbl.end())) {
            if (box.type().equals("stsd") && u32(bytes, box.bodyStart() + 4) > 0) {
                Box entry = Box.at(bytes, box.bodyStart() + 8, box.end());
                track.codec = entry.type();
                // Audio sample entry: 6 reserved, data reference index, 8 reserved (or QuickTime version fields),
                // then channel count, sample size, 4 bytes, and the rate as 16.16 fixed point.
                int audio = entry.bodyStart() + 16;
                if (audio + 12 <= entry.end()) {
                    track.channels = u16(bytes, audio);
                    track.sampleRate = u32(bytes, audio + 8) >>> 16;
                }
            } else if (box.type().equals("stts")) {
                long entries = u32(bytes, box.bodyStart() + 4) & 0xFFFFFFFFL;
                for (long i = 0; i < entries; i++) {
                    int at = Math.toIntExact(box.bodyStart() + 8 + i * 8);
                    long count = u32(bytes, at) & 0xFFFFFFFFL;
                    track.samples += count;
                    track.sampleTicks += count * (u32(bytes, at + 4) & 0xFFFFFFFFL);
                }
            }
        }
    }

    private static boolean isEbml(byte[] bytes) {
        return bytes.length >= 4 && (bytes[0] & 0xFF) == 0x1A && (bytes[1] & 0xFF) == 0x45
                && (bytes[2] & 0xFF) == 0xDF && (bytes[3] & 0xFF) == 0xA3;
    }

    // ---- boxes ----

    private record Box(String type, int start, int bodyStart, int end) {

        static Box at(byte[] bytes, int start, int limit) {
            if (start + BOX_HEADER > limit) {
                throw new NotIsoMedia("truncated box header at " + start);
            }
            long size = u32(bytes, start) & 0xFFFFFFFFL;
            int header = BOX_HEADER;
            if (size == 1) {
                size = s64(bytes, start + 8);
                header = 16;
            } else if (size == 0) {
                size = limit - start;
            }
            if (size < header || start + size > limit) {
                throw new NotIsoMedia("box " + fourcc(bytes, start + 4) + " at " + start + " runs past its parent");
            }
            return new Box(fourcc(bytes, start + 4), start, start + header, (int) (start + size));
        }

        static List<Box> children(byte[] bytes, int from, int to) {
            List<Box> boxes = new ArrayList<>();
            for (int at = from; at + BOX_HEADER <= to; ) {
                Box box = at(bytes, at, to);
                boxes.add(box);
                at = box.end();
            }
            return boxes;
        }

        static Optional<Box> find(byte[] bytes, Box parent, String type) {
            return children(bytes, parent.bodyStart(), parent.end()).stream()
                    .filter(b -> b.type().equals(type)).findFirst();
        }
    }

    private static final class Track {
        String handler = "";
        String codec;
        int width;
        int height;
        int rotation;
        long timescale;
        long duration;
        long samples;
        long sampleTicks;
        int channels;
        int sampleRate;
        boolean complexEditList;

        long durationMillis() {
            return timescale == 0 ? 0 : duration * 1000 / timescale;
        }

        double frameRate() {
            return sampleTicks == 0 ? 0 : samples * (double) timescale / sampleTicks;
        }
    }

    private static final class Reading {
        String majorBrand;
        boolean moovSeen;
        boolean moovBeforeMdat;
        boolean complexEditList;
        long mdatBytes;
        Track video;
        Track audio;

        VideoFacts facts(byte[] bytes) {
            long millis = video == null ? 0 : video.durationMillis();
            long bitrate = millis == 0 ? 0 : mdatBytes * 8 * 1000 / millis;
            return new VideoFacts(bytes.length, MediaDigest.sha256(bytes), majorBrand, moovBeforeMdat, complexEditList,
                    video == null ? null : video.codec,
                    video == null ? 0 : video.width,
                    video == null ? 0 : video.height,
                    video == null ? 0 : video.rotation,
                    millis,
                    video == null ? 0 : video.frameRate(),
                    audio == null ? null : audio.codec,
                    audio == null ? 0 : audio.sampleRate,
                    audio == null ? 0 : audio.channels,
                    bitrate);
        }
    }

    // ---- big-endian reads that report a short file as broken boxes ----

    private static String fourcc(byte[] bytes, int at) {
        require(bytes, at, 4);
        return new String(bytes, at, 4, StandardCharsets.ISO_8859_1);
    }

    private static int u8(byte[] bytes, int at) {
        require(bytes, at, 1);
        return bytes[at] & 0xFF;
    }

    private static int u16(byte[] bytes, int at) {
        require(bytes, at, 2);
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }

    private static int u32(byte[] bytes, int at) {
        require(bytes, at, 4);
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private static int s32(byte[] bytes, int at) {
        return u32(bytes, at);
    }

    private static long s64(byte[] bytes, int at) {
        return ((long) u32(bytes, at) << 32) | (u32(bytes, at + 4) & 0xFFFFFFFFL);
    }

    private static void require(byte[] bytes, int at, int length) {
        if (at < 0 || at + length > bytes.length) {
            throw new NotIsoMedia("file ends inside a box");
        }
    }
}
