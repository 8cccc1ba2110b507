package io.igpipe.media.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.media.MediaErrorCode;
import io.igpipe.media.MediaRejectedException;

/**
 * Reads what a video file is with {@code ffprobe -show_format -show_streams} into {@link VideoFacts}, or rejects
 * it. Thread-safe: every call is its own ffprobe process.
 *
 * <p>Inputs are read with the file protocol only and with an allow-list of container formats. ffmpeg would
 * otherwise follow an HLS or concat playlist disguised as a video to other local files or to URLs, turning a
 * dropped file into a way to read the server's files.
 */
public class VideoProbe {

    /** Demuxers igpipe reads: what cameras, phones, editors and browsers produce. No playlists, no image formats. */
    static final String ACCEPTED_CONTAINERS = "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,avi,mpegts,mpeg,flv,asf,ogg";
    private static final String ACCEPTED_DESCRIPTION = "MP4, MOV, WebM/MKV, AVI, MPEG-TS/PS, FLV, WMV or Ogg";
    /** avg and r frame rates further apart than this may mean variable frame rate (both are exact for CFR video)... */
    private static final double VFR_TOLERANCE = 0.01;
    /**
     * ...unless over the whole video they amount to fewer frames than this: one long first or last frame (a stream
     * starting a little after the audio) shifts the average of a short clip by more than 1 % without being VFR.
     */
    private static final double VFR_MIN_FRAMES = 2;

    private final VideoTools tools;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public VideoProbe(VideoTools tools, Duration timeout) {
        this.tools = Objects.requireNonNull(tools, "tools");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The options that open {@code source} safely as ffmpeg or ffprobe input, ending with {@code -i <source>}. */
    static List<String> inputArguments(Path source) {
        // "file:" keeps a name with a colon from being read as a protocol, and a leading "-" from being an option.
        return List.of("-protocol_whitelist", "file", "-format_whitelist", ACCEPTED_CONTAINERS,
                "-i", "file:" + source.toAbsolutePath());
    }

    /**
     * @throws MediaRejectedException VIDEO_UNREADABLE when ffprobe cannot read it, VIDEO_NO_VIDEO_STREAM when there
     *                                is no moving picture
     * @throws UncheckedIOException   when the file cannot be read at all (missing, permissions): not its content's fault
     * @throws VideoToolsUnavailableException when ffprobe cannot be used on this machine
     */
    public VideoFacts probe(Path source) throws MediaRejectedException {
        Objects.requireNonNull(source, "source");
        String name = String.valueOf(source.getFileName());
        long fileBytes;
        try {
            fileBytes = Files.size(source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        List<String> arguments = new ArrayList<>(List.of("-hide_banner", "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams"));
        arguments.addAll(inputArguments(source));
        ToolProcess.Outcome outcome = runProbe(arguments);
        if (outcome.timedOut()) {
            throw unreadable(name, "ffprobe did not finish reading it within " + timeout.toSeconds() + " s");
        }
        JsonNode root = parse(outcome);
        if (!outcome.succeeded() || root == null || !root.path("format").isObject()) {
            throw unreadable(name, "ffprobe: " + outcome.stderrSummary());
        }
        return facts(name, source, fileBytes, root);
    }

    private ToolProcess.Outcome runProbe(List<String> arguments) {
        try {
            return ToolProcess.run(tools.ffprobe(arguments), timeout);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start ffprobe", e);
        }
    }

    private JsonNode parse(ToolProcess.Outcome outcome) {
        try {
            return outcome.stdout().length == 0 ? null : json.readTree(outcome.stdout());
        } catch (JsonProcessingException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MediaRejectedException unreadable(String name, String detail) {
        return new MediaRejectedException(MediaErrorCode.VIDEO_UNREADABLE, name + " is not a video igpipe can read ("
                + detail + "). igpipe accepts " + ACCEPTED_DESCRIPTION + " videos; export or copy the video again.");
    }

    private VideoFacts facts(String name, Path source, long fileBytes, JsonNode root) throws MediaRejectedException {
        JsonNode format = root.path("format");
        JsonNode video = null;
        JsonNode audio = null;
        int streams = 0;
        for (JsonNode stream : root.path("streams")) {
            streams++;
            String type = stream.path("codec_type").asText();
            boolean coverArt = stream.path("disposition").path("attached_pic").asInt() == 1;
            if (video == null && type.equals("video") && !coverArt) {
                video = stream;
            } else if (audio == null && type.equals("audio")) {
                audio = stream;
            }
        }
        if (video == null) {
            throw new MediaRejectedException(MediaErrorCode.VIDEO_NO_VIDEO_STREAM, name + " has no video stream"
                    + (audio != null ? " (it is audio only)" : "") + ". Drop a video file.");
        }
        Duration duration = seconds(format.path("duration"));
        if (duration == null) {
            duration = seconds(video.path("duration"));
        }
        if (duration == null || duration.isZero()) {
            throw unreadable(name, "it does not say how long it plays");
        }
        String container = format.path("format_name").asText();
        Mp4Layout layout = mp4Layout(source, container);
        FrameRate average = FrameRate.parse(video.path("avg_frame_rate").asText(null));
        FrameRate real = FrameRate.parse(video.path("r_frame_rate").asText(null));
        long audioBitrate = audio == null ? 0 : audio.path("bit_rate").asLong(0);
        String fieldOrder = video.path("field_order").asText("progressive");
        return new VideoFacts(container, text(format.path("tags").path("major_brand")), fileBytes, duration,
                video.path("codec_name").asText(), text(video.path("profile")), text(video.path("pix_fmt")),
                video.path("width").asInt(), video.path("height").asInt(), rotationOf(video),
                !fieldOrder.equals("progressive") && !fieldOrder.equals("unknown"), average, real,
                isVariable(average, real, duration),
                videoBitrate(video, format, audioBitrate, fileBytes, duration),
                audio == null ? null : audio.path("codec_name").asText(),
                audio == null ? 0 : audio.path("sample_rate").asInt(0),
                audio == null ? 0 : audio.path("channels").asInt(0),
                audioBitrate, streams - 1 - (audio == null ? 0 : 1), layout.moovBeforeMdat(), layout.complexEditList());
    }

    private static boolean isVariable(FrameRate average, FrameRate real, Duration duration) {
        if (!average.isKnown() || !real.isKnown() || average.closeTo(real, VFR_TOLERANCE)) {
            return false;
        }
        double frameDifference = Math.abs(average.value() - real.value()) * duration.toMillis() / 1000.0;
        return frameDifference >= VFR_MIN_FRAMES;
    }

    private static Mp4Layout mp4Layout(Path source, String container) {
        if (!container.contains("mp4")) {
            return Mp4Layout.NOT_MP4;
        }
        try {
            return Mp4Layout.of(source);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    /** Clockwise display rotation; the display matrix states it counter-clockwise, the legacy tag clockwise. */
    private static int rotationOf(JsonNode video) {
        for (JsonNode sideData : video.path("side_data_list")) {
            if (sideData.has("rotation")) {
                return quarterTurns(-sideData.path("rotation").asDouble());
            }
        }
        JsonNode tag = video.path("tags").path("rotate");
        return tag.isMissingNode() ? 0 : quarterTurns(tag.asDouble());
    }

    private static int quarterTurns(double degrees) {
        long quarter = Math.round(degrees / 90.0);
        return Math.floorMod(quarter * 90, 360);
    }

    private static long videoBitrate(JsonNode video, JsonNode format, long audioBitrate, long fileBytes,
            Duration duration) {
        long stream = video.path("bit_rate").asLong(0);
        if (stream > 0) {
            return stream;
        }
        long container = format.path("bit_rate").asLong(0);
        if (container > audioBitrate) {
            return container - audioBitrate;
        }
        return fileBytes * 8 * 1000 / Math.max(1, duration.toMillis()) - audioBitrate;
    }

    private static Duration seconds(JsonNode value) {
        if (!value.isTextual() && !value.isNumber()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.asText());
            return seconds.signum() < 0 ? null : Duration.ofNanos(seconds.movePointRight(9).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
