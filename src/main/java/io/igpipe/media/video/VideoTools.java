package io.igpipe.media.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.igpipe.media.video.VideoToolsStatus.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds ffmpeg and ffprobe and builds the commands that run them. A system ffmpeg named in
 * {@code igpipe.media.video.ffmpeg-path} (and {@code ffprobe-path}) takes precedence; otherwise the executables
 * bundled in the bytedeco jar are extracted (see {@link BundledFfmpeg}) and run with {@code LD_LIBRARY_PATH}
 * pointing at their libraries.
 *
 * <p>The tools are located on first use, not at start-up: extracting 90 MB would slow every start (and every test
 * context) for a feature many deployments never use. A failure never stops the application; {@link #status()}
 * reports it with what to do, image posts are unaffected, and video work throws
 * {@link VideoToolsUnavailableException}. An unavailable status is checked again at most once a minute, so
 * installing a missing library takes effect without a restart.
 */
public class VideoTools {

    private static final Logger LOG = LoggerFactory.getLogger(VideoTools.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);
    private static final long RECHECK_NANOS = Duration.ofMinutes(1).toNanos();
    /** The dynamic loader's words when a library is missing, e.g. "libpulse.so.0: cannot open shared object". */
    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("error while loading shared libraries: ([^:\\s]+)");
    private static final Pattern VERSION = Pattern.compile("^\\S+ version (\\S+)");
    /** Debian/Ubuntu packages for libraries the bundled build links that a minimal system may lack. */
    private static final Map<String, String> PACKAGE_OF_LIBRARY = Map.of(
            "libpulse.so.0", "libpulse0",
            "libxcb.so.1", "libxcb1",
            "libasound.so.2", "libasound2",
            "libva-x11.so.2", "libva-x11-2");
    /** Encoders igpipe's commands use: H.264 video, AAC audio, JPEG frames. */
    private static final List<String> REQUIRED_ENCODERS = List.of("libx264", "aac", "mjpeg");
    private static final String FFMPEG_PATH_SETTING = "igpipe.media.video.ffmpeg-path";

    private final Path configuredFfmpeg;
    private final Path configuredFfprobe;
    private final Path toolsDir;
    private volatile VideoToolsStatus status;
    private volatile Path libraryDir;
    private long checkedAtNanos;

    /**
     * @param configuredFfmpeg  {@code igpipe.media.video.ffmpeg-path}, or null for the bundled ffmpeg
     * @param configuredFfprobe {@code igpipe.media.video.ffprobe-path}, or null for the one next to ffmpeg
     * @param toolsDir          where the bundled tools are extracted (a versioned folder inside it)
     */
    public VideoTools(Path configuredFfmpeg, Path configuredFfprobe, Path toolsDir) {
        this.configuredFfmpeg = configuredFfmpeg;
        this.configuredFfprobe = configuredFfprobe;
        this.toolsDir = toolsDir.toAbsolutePath().normalize();
    }

    /** Locates and checks the tools on first call; later calls answer from memory. */
    public VideoToolsStatus status() {
        VideoToolsStatus current = status;
        if (current != null && current.available()) {
            return current;
        }
        synchronized (this) {
            if (status == null || (!status.available() && System.nanoTime() - checkedAtNanos > RECHECK_NANOS)) {
                status = locate();
                checkedAtNanos = System.nanoTime();
                if (status.available()) {
                    LOG.info("Video tools: {} ffmpeg {} at {}", status.source(), status.version(), status.ffmpeg());
                } else {
                    LOG.warn("Video tools unavailable, video posts will wait: {}", status.reason());
                }
            }
            return status;
        }
    }

    /** The status, when the tools are usable. */
    public VideoToolsStatus requireAvailable() {
        VideoToolsStatus current = status();
        if (!current.available()) {
            throw new VideoToolsUnavailableException(current.reason());
        }
        return current;
    }

    /** An ffmpeg command with {@code arguments}, ready to start. */
    ProcessBuilder ffmpeg(List<String> arguments) {
        return command(requireAvailable().ffmpeg(), arguments);
    }

    /** An ffprobe command with {@code arguments}, ready to start. */
    ProcessBuilder ffprobe(List<String> arguments) {
        return command(requireAvailable().ffprobe(), arguments);
    }

    private ProcessBuilder command(Path executable, List<String> arguments) {
        List<String> command = new ArrayList<>(arguments.size() + 1);
        command.add(executable.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        Path libraries = libraryDir;
        if (libraries != null) {
            builder.environment().put("LD_LIBRARY_PATH", libraries.toString());
        }
        return builder;
    }

    private VideoToolsStatus locate() {
        if (configuredFfmpeg != null || configuredFfprobe != null) {
            return locateSystemTools();
        }
        if (!BundledFfmpeg.supportsThisPlatform()) {
            return VideoToolsStatus.unusable(Source.BUNDLED, null, null, "the bundled ffmpeg is a Linux x86-64 build"
                    + " and this is " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + "; install ffmpeg and set " + FFMPEG_PATH_SETTING);
        }
        Path folder;
        try {
            folder = BundledFfmpeg.extractInto(toolsDir);
        } catch (IOException | RuntimeException e) {
            return VideoToolsStatus.unusable(Source.BUNDLED, null, null, "cannot extract the bundled ffmpeg into "
                    + toolsDir + ": " + e.getMessage() + "; free space or fix permissions there, or set "
                    + FFMPEG_PATH_SETTING);
        }
        libraryDir = folder;
        return check(Source.BUNDLED, folder.resolve(BundledFfmpeg.FFMPEG), folder.resolve(BundledFfmpeg.FFPROBE));
    }

    private VideoToolsStatus locateSystemTools() {
        libraryDir = null;
        Path ffmpeg = configuredFfmpeg != null ? configuredFfmpeg : sibling(configuredFfprobe, BundledFfmpeg.FFMPEG);
        Path ffprobe = configuredFfprobe != null ? configuredFfprobe : sibling(configuredFfmpeg, BundledFfmpeg.FFPROBE);
        if (ffmpeg == null || ffprobe == null) {
            String missing = ffmpeg == null ? "ffmpeg" : "ffprobe";
            return VideoToolsStatus.unusable(Source.SYSTEM, ffmpeg, ffprobe, "there is no " + missing + " next to "
                    + (ffmpeg == null ? ffprobe : ffmpeg) + "; set igpipe.media.video." + missing + "-path");
        }
        return check(Source.SYSTEM, ffmpeg.toAbsolutePath(), ffprobe.toAbsolutePath());
    }

    private static Path sibling(Path tool, String name) {
        Path candidate = tool.toAbsolutePath().resolveSibling(name);
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    /** Runs both tools once: they must start, report a version, and ffmpeg must have the encoders we use. */
    private VideoToolsStatus check(Source source, Path ffmpeg, Path ffprobe) {
        try {
            String version = versionOf(source, ffmpeg);
            versionOf(source, ffprobe);
            ToolProcess.Outcome encoders = ToolProcess.run(command(ffmpeg, List.of("-hide_banner", "-encoders")),
                    CHECK_TIMEOUT);
            List<String> missing = REQUIRED_ENCODERS.stream()
                    .filter(encoder -> !Pattern.compile("\\s" + encoder + "\\s").matcher(encoders.stdoutText()).find())
                    .toList();
            if (!missing.isEmpty()) {
                throw new ToolCheckFailed(describe(source, ffmpeg) + " lacks the encoders " + missing
                        + "; use a build with libx264 (e.g. Debian's ffmpeg package) in " + FFMPEG_PATH_SETTING);
            }
            return VideoToolsStatus.usable(source, ffmpeg, ffprobe, version);
        } catch (ToolCheckFailed e) {
            return VideoToolsStatus.unusable(source, ffmpeg, ffprobe, e.getMessage());
        } catch (IOException e) {
            return VideoToolsStatus.unusable(source, ffmpeg, ffprobe, describe(source, ffmpeg)
                    + " cannot list its encoders: " + e.getMessage() + remedy(source));
        }
    }

    private String versionOf(Source source, Path tool) throws ToolCheckFailed {
        if (!Files.isRegularFile(tool)) {
            throw new ToolCheckFailed(describe(source, tool) + " does not exist" + remedy(source));
        }
        if (!Files.isExecutable(tool)) {
            throw new ToolCheckFailed(describe(source, tool) + " is not executable (chmod +x it)" + remedy(source));
        }
        ToolProcess.Outcome outcome;
        try {
            outcome = ToolProcess.run(command(tool, List.of("-hide_banner", "-version")), CHECK_TIMEOUT);
        } catch (IOException e) {
            throw new ToolCheckFailed(describe(source, tool) + " cannot be started: " + e.getMessage()
                    + remedy(source));
        }
        if (!outcome.succeeded()) {
            throw new ToolCheckFailed(startFailure(source, tool, outcome));
        }
        Matcher version = VERSION.matcher(outcome.stdoutText());
        if (!version.find()) {
            throw new ToolCheckFailed(describe(source, tool) + " -version did not report a version; is it ffmpeg?");
        }
        return version.group(1);
    }

    private static String startFailure(Source source, Path tool, ToolProcess.Outcome outcome) {
        String stderr = outcome.stderrSummary();
        Matcher library = MISSING_LIBRARY.matcher(stderr);
        if (library.find()) {
            String name = library.group(1);
            String install = PACKAGE_OF_LIBRARY.containsKey(name)
                    ? "install " + PACKAGE_OF_LIBRARY.get(name) + " (apt-get install " + PACKAGE_OF_LIBRARY.get(name) + ")"
                    : "install the package that provides " + name;
            return describe(source, tool) + " cannot start: the shared library " + name + " is missing; " + install
                    + " or set " + FFMPEG_PATH_SETTING + " to an ffmpeg that runs on this machine";
        }
        String how = outcome.timedOut() ? "did not answer -version within " + CHECK_TIMEOUT.toSeconds() + " s"
                : "exited with " + outcome.exitCode();
        return describe(source, tool) + " " + how + ": " + stderr + remedy(source);
    }

    private static String describe(Source source, Path tool) {
        return (source == Source.BUNDLED ? "the bundled " : "the configured ") + tool.getFileName() + " (" + tool + ")";
    }

    private static String remedy(Source source) {
        return source == Source.BUNDLED ? "; set " + FFMPEG_PATH_SETTING + " to a system ffmpeg"
                : "; fix igpipe.media.video.ffmpeg-path / ffprobe-path, or remove both to use the bundled ffmpeg";
    }

    /** A check failed; the message is the operator-facing reason. */
    private static final class ToolCheckFailed extends Exception {
        private static final long serialVersionUID = 1L;

        ToolCheckFailed(String reason) {
            super(reason, null, false, false);
        }
    }
}
