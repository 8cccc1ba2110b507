package io.igpipe.media;

import static io.igpipe.media.OutputAssertions.assertInstagramReady;
import static io.igpipe.media.OutputAssertions.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One optimizer shared by several threads gives exactly the results it gives one at a time. */
class ConcurrentOptimizationTest {

    @TempDir
    Path dir;

    @Test
    void sharedOptimizerGivesTheSameBytesUnderConcurrency() throws Exception {
        ImageOptimizer optimizer = new ImageOptimizer(ImageRules.defaults());
        List<Path> sources = List.of(
                SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(3000, 2000, 40), dir.resolve("a.jpg")),
                SyntheticPhotos.write(SyntheticPhotos.photo(1600, 2400, 41), "png", dir.resolve("b.png")),
                SyntheticPhotos.writeJpeg(SyntheticPhotos.photo(3600, 1200, 42), dir.resolve("c.jpg")),
                fixture("photo-lossy-alpha.webp"),
                fixture("photo-exif-orientation-6.webp"));
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            OptimizedImage alone = optimizer.optimize(sources.get(i), dir.resolve("alone-" + i + ".jpg"),
                    OptimizationProfile.STANDARD);
            expected.add(Files.readAllBytes(alone.target()));
        }

        int threads = 6;
        int rounds = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<OptimizedImage>> futures = new ArrayList<>();
        try {
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < sources.size(); i++) {
                    Path source = sources.get(i);
                    Path target = dir.resolve("together-" + round + "-" + i + ".jpg");
                    Callable<OptimizedImage> task = () -> {
                        start.await();
                        return optimizer.optimize(source, target, OptimizationProfile.STANDARD);
                    };
                    futures.add(pool.submit(task));
                }
            }
            start.countDown();
            for (int n = 0; n < futures.size(); n++) {
                OptimizedImage result = futures.get(n).get(2, TimeUnit.MINUTES);
                assertInstagramReady(result);
                assertThat(Files.readAllBytes(result.target()))
                        .as("concurrent result %s", result.target().getFileName())
                        .isEqualTo(expected.get(n % sources.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
