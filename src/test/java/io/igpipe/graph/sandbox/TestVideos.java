package io.igpipe.graph.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Real video files made at run time with the ffmpeg executable shipped in the bytedeco ffmpeg jar (classifier
 * linux-x86_64-gpl, on the test classpath). The executable and its shared libraries are copied once per JVM into a
 * temporary directory and run with {@code LD_LIBRARY_PATH} pointing there; nothing is loaded into the JVM. Each clip
 * is made once per JVM and shared, and kept tiny: a few seconds, a small picture, the fastest x264/x265 preset.
 */
final class TestVideos {

    static final String NATIVE_DIRECTORY = "org/bytedeco/ffmpeg/linux-x86_64-gpl/";

    private static final Map<String, byte[]> CLIPS = new ConcurrentHashMap<>();
    private static Path tools;

    private TestVideos() {
    }

    /** 3.2 s of 180x320 H.264 at 30 fps with 48 kHz AAC, moov at the front: what Instagram wants. */
    static byte[] reel() {
        return clip("reel", "180x320", 30, 3.2, 48_000, "libx264", "+faststart");
    }

    /** The same as {@link #reel()} with 44.1 kHz audio, which Instagram also accepts. */
    static byte[] reelWithCdAudio() {
        return clip("reel-44k", "180x320", 30, 3.2, 44_100, "libx264", "+faststart");
    }

    /** A 4:5 clip for carousels (the legacy carousel spec allows 4:5 to 16:9). */
    static byte[] portraitFourByFive() {
        return clip("portrait-4x5", "240x300", 30, 3.2, 48_000, "libx264", "+faststart");
    }

    /** ffmpeg's default layout: the moov atom after the media data. */
    static byte[] moovAtTheEnd() {
        return clip("moov-at-end", "180x320", 30, 3.2, 48_000, "libx264", null);
    }

    static byte[] hevc() {
        return clip("hevc", "180x320", 30, 3.2, 48_000, "libx265", "+faststart");
    }

    static byte[] twoSeconds() {
        return clip("two-seconds", "180x320", 30, 2.0, 48_000, "libx264", "+faststart");
    }

    static byte[] oneHundredTwentyFps() {
        return clip("120-fps", "96x160", 120, 3.2, 48_000, "libx264", "+faststart");
    }

    /** Wider than Instagram's 1920 columns, yet cheap to make: a thin strip. */
    static byte[] widerThan1920() {
        return clip("1936-wide", "1936x400", 24, 3.2, 48_000, "libx264", "+faststart");
    }

    /** VP9 in WebM, the format Instagram refuses outright. */
    static byte[] vp9WebM() {
        return CLIPS.computeIfAbsent("vp9", name -> ffmpeg("webm", lavfiVideo("180x320", 30, 3.2),
                List.of("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-an")));
    }

    private static byte[] clip(String name, String size, int fps, double seconds, int sampleRate, String codec,
                               String movflags) {
        return CLIPS.computeIfAbsent(name, key -> {
            List<String> arguments = new ArrayList<>(lavfiVideo(size, fps, seconds));
            arguments.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=" + sampleRate
                    + ":duration=" + seconds));
            List<String> encoding = new ArrayList<>(List.of("-c:v", codec, "-preset", "ultrafast",
                    "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k", "-shortest"));
            if (codec.equals("libx265")) {
                encoding.addAll(List.of("-tag:v", "hvc1", "-x265-params", "log-level=error"));
            }
            if (movflags != null) {
                encoding.addAll(List.of("-movflags", movflags));
            }
            return ffmpeg("mp4", arguments, encoding);
        });
    }

    private static List<String> lavfiVideo(String size, int fps, double seconds) {
        return List.of("-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + fps + ":duration=" + seconds);
    }

    private static byte[] ffmpeg(String extension, List<String> inputs, List<String> encoding) {
        try {
            Path directory = tools();
            Path output = Files.createTempFile(directory, "clip-", "." + extension);
            List<String> command = new ArrayList<>(List.of(directory.resolve("ffmpeg").toString(), "-hide_banner",
                    "-loglevel", "error", "-nostdin", "-y", "-threads", "2"));
            command.addAll(inputs);
            command.addAll(encoding);
            command.add(output.toString());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("LD_LIBRARY_PATH", directory.toString());
            Process process = builder.start();
            String log = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("ffmpeg failed: " + command + "\n" + log);
            }
            byte[] bytes = Files.readAllBytes(output);
            Files.delete(output);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies ffmpeg and every library beside it in the jar into one directory, once per JVM. */
    private static synchronized Path tools() throws IOException {
        if (tools != null) {
            return tools;
        }
        URL executable = TestVideos.class.getClassLoader().getResource(NATIVE_DIRECTORY + "ffmpeg");
        if (executable == null) {
            throw new IllegalStateException("org.bytedeco:ffmpeg (linux-x86_64-gpl) is not on the test classpath");
        }
        Path directory = Files.createTempDirectory("igpipe-sandbox-ffmpeg-");
        JarURLConnection connection = (JarURLConnection) executable.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(NATIVE_DIRECTORY)
                        || name.substring(NATIVE_DIRECTORY.length()).contains("/")) {
                    continue;
                }
                Path target = directory.resolve(name.substring(NATIVE_DIRECTORY.length()));
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().setExecutable(true);
            }
        }
        directory.toFile().deleteOnExit();
        tools = directory;
        return tools;
    }
}
