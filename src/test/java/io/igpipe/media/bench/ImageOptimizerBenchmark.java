package io.igpipe.media.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.igpipe.media.ImageOptimizer;
import io.igpipe.media.ImageRules;
import io.igpipe.media.MediaRejectedException;
import io.igpipe.media.OptimizationProfile;
import io.igpipe.media.OptimizedImage;
import io.igpipe.media.SyntheticPhotos;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Photos optimized per second by one shared {@link ImageOptimizer}, with as many threads as processors.
 * One operation is one photo: decode, orient, scale, encode, write. Sources are photo-like images generated once
 * per trial. Run with {@code ./mvnw -Pbenchmark -DskipTests verify} (see {@link BenchmarkMain}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(Threads.MAX)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
@State(Scope.Benchmark)
public class ImageOptimizerBenchmark {

    /** Source photo: format and size (12 MP phone JPEG, 12 MP PNG screenshot-size export, 24 MP camera JPEG). */
    @Param({"jpeg-4000x3000", "png-4000x3000", "jpeg-6000x4000"})
    public String source;

    private Path directory;
    private Path sourceFile;
    private ImageOptimizer optimizer;

    @Setup(Level.Trial)
    public void createSource() throws IOException {
        String[] parts = source.split("[-x]");
        int width = Integer.parseInt(parts[1]);
        int height = Integer.parseInt(parts[2]);
        directory = Files.createTempDirectory("igpipe-media-bench");
        sourceFile = directory.resolve("source." + parts[0]);
        if (parts[0].equals("jpeg")) {
            SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(width, height, 7), sourceFile, 0.92f, false);
        } else {
            SyntheticPhotos.write(SyntheticPhotos.photo(width, height, 7), parts[0], sourceFile);
        }
        optimizer = new ImageOptimizer(ImageRules.defaults());
    }

    @TearDown(Level.Trial)
    public void deleteFiles() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Each thread writes its own target, as pipeline workers do. */
    @State(Scope.Thread)
    public static class Target {
        Path file;

        @Setup(Level.Trial)
        public void name(ImageOptimizerBenchmark benchmark) {
            file = benchmark.directory.resolve("out-" + Thread.currentThread().getId() + ".jpg");
        }
    }

    @Benchmark
    public OptimizedImage optimize(Target target) throws MediaRejectedException {
        return optimizer.optimize(sourceFile, target.file, OptimizationProfile.STANDARD);
    }
}
