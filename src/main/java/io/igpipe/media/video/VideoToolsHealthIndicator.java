package io.igpipe.media.video;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code videoTools} in {@code /actuator/health}: DEGRADED, with the reason and what to do, when ffmpeg or ffprobe
 * cannot be used. Video posts then wait; image posts are unaffected. The first call locates the tools (and may
 * extract the bundled ones, a second or two).
 */
public class VideoToolsHealthIndicator implements HealthIndicator {

    /**
     * Photos still publish when ffmpeg cannot run, so the whole service is not DOWN: DEGRADED ranks between DOWN and
     * UP and answers HTTP 200 ({@code management.endpoint.health.status.*} in config/application.yaml).
     */
    public static final Status DEGRADED = new Status("DEGRADED", "video posts wait until ffmpeg can run");

    private final VideoTools tools;
    private final VideoTranscoder transcoder;

    public VideoToolsHealthIndicator(VideoTools tools, VideoTranscoder transcoder) {
        this.tools = tools;
        this.transcoder = transcoder;
    }

    @Override
    public Health health() {
        VideoToolsStatus status = tools.status();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("available", status.available());
        details.put("source", status.source().name());
        if (status.ffmpeg() != null) {
            details.put("ffmpeg", status.ffmpeg().toString());
        }
        if (status.ffprobe() != null) {
            details.put("ffprobe", status.ffprobe().toString());
        }
        if (status.version() != null) {
            details.put("version", status.version());
        }
        if (status.reason() != null) {
            details.put("reason", status.reason());
        }
        details.put("transcodesRunning", transcoder.slots().inUse());
        details.put("maxConcurrentTranscodes", transcoder.slots().capacity());
        return (status.available() ? Health.up() : Health.status(DEGRADED)).withDetails(details).build();
    }
}
