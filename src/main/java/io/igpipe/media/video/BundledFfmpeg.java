package io.igpipe.media.video;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

import io.igpipe.FileTrees;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The ffmpeg and ffprobe executables inside the {@code org.bytedeco:ffmpeg} jar (classifier linux-x86_64-gpl),
 * with the shared libraries they link against. They only run from a real directory holding all of them, started
 * with {@code LD_LIBRARY_PATH} set to it; bytedeco's own {@code Loader} is not used because it loads the JNI
 * libraries, which need further system libraries igpipe has no use for.
 *
 * <p>The folder is extracted once per version into {@code <tools-dir>/ffmpeg-<version>} and reused by later
 * starts. Extraction goes to a private temporary directory that is renamed into place, so two JVMs starting at
 * once never see a half-written folder: the loser of the rename discards its copy.
 */
final class BundledFfmpeg {

    static final String RESOURCE_FOLDER = "org/bytedeco/ffmpeg/linux-x86_64-gpl/";
    static final String FFMPEG = "ffmpeg";
    static final String FFPROBE = "ffprobe";
    private static final String POM_PROPERTIES = "META-INF/maven/org.bytedeco/ffmpeg/pom.properties";
    /** Written last, before the rename: a folder without it was not made by this class and is not trusted. */
    static final String COMPLETE_MARKER = ".complete";
    private static final String STAGING_PREFIX = ".extracting-";
    /** A staging folder this old belongs to a JVM that died while extracting (a healthy one takes seconds). */
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private BundledFfmpeg() {
    }

    /** Whether the bundled build can run on this machine at all (it is a Linux x86-64 build). */
    static boolean supportsThisPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** The folder holding ffmpeg, ffprobe and their libraries under {@code toolsDir}, extracted if needed. */
    static Path extractInto(Path toolsDir) throws IOException {
        PathMatchingResourcePatternResolver resolver =
                new PathMatchingResourcePatternResolver(BundledFfmpeg.class.getClassLoader());
        Path target = toolsDir.resolve("ffmpeg-" + bundledVersion(resolver));
        if (Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        List<Resource> entries = Stream.of(resolver.getResources("classpath*:" + RESOURCE_FOLDER + "*"))
                .filter(resource -> resource.getFilename() != null && !resource.getFilename().isEmpty())
                .toList();
        if (entries.stream().noneMatch(resource -> FFMPEG.equals(resource.getFilename()))) {
            throw new IOException("the bundled ffmpeg (org.bytedeco:ffmpeg, classifier linux-x86_64-gpl) is not on"
                    + " the classpath");
        }
        Files.createDirectories(toolsDir);
        removeAbandonedStaging(toolsDir);
        Path staging = Files.createTempDirectory(toolsDir, STAGING_PREFIX + target.getFileName() + "-");
        try {
            for (Resource entry : entries) {
                try (InputStream in = entry.getInputStream()) {
                    Files.copy(in, staging.resolve(entry.getFilename()));
                }
            }
            for (String executable : List.of(FFMPEG, FFPROBE)) {
                Files.setPosixFilePermissions(staging.resolve(executable), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            moveIntoPlace(staging, target);
        } finally {
            FileTrees.delete(staging);
        }
        if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
            throw new IOException(target + " exists but was not made by igpipe (no " + COMPLETE_MARKER
                    + " file); remove it");
        }
        return target;
    }

    private static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Another JVM renamed its complete copy into place first (Linux says "Directory not empty", which Java
            // does not map to a dedicated exception); ours is discarded by the caller. Anything else is a failure.
            if (!Files.isRegularFile(target.resolve(COMPLETE_MARKER))) {
                throw e;
            }
        }
    }

    private static String bundledVersion(PathMatchingResourcePatternResolver resolver) throws IOException {
        Resource pom = resolver.getResource("classpath:" + POM_PROPERTIES);
        if (!pom.exists()) {
            throw new IOException("the bundled ffmpeg (org.bytedeco:ffmpeg) is not on the classpath");
        }
        Properties properties = new Properties();
        try (InputStream in = pom.getInputStream()) {
            properties.load(in);
        }
        String version = properties.getProperty("version", "");
        if (!version.matches("[0-9A-Za-z.\\-]+")) {
            throw new IOException("cannot tell the bundled ffmpeg's version from " + POM_PROPERTIES);
        }
        return version;
    }

    private static void removeAbandonedStaging(Path toolsDir) throws IOException {
        FileTime cutoff = FileTime.from(Instant.now().minus(ABANDONED_AFTER));
        try (Stream<Path> children = Files.list(toolsDir)) {
            for (Path child : children.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)).toList()) {
                if (Files.getLastModifiedTime(child).compareTo(cutoff) < 0) {
                    FileTrees.delete(child);
                }
            }
        }
    }

}
