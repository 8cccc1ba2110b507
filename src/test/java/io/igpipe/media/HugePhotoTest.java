package io.igpipe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bounded decoding: a 100-megapixel JPEG (11547x8660, 300 MB as raw RGB) is optimized in a child JVM limited to a
 * 512 MB heap. The JPEG is made by another child JVM with a larger heap.
 */
class HugePhotoTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void hundredMegapixelJpegIsOptimizedWithin512MegabytesOfHeap() throws Exception {
        Path source = dir.resolve("100mp.jpg");
        Path target = dir.resolve("out.jpg");

        ChildJvm.Result generated = ChildJvm.run(dir, "-Xmx1200m", "generate", source.toString(), "11547", "8660");
        assertThat(generated.exitCode()).as("generator output:%n%s", generated.output()).isZero();
        assertThat(JpegStructure.of(source).frameWidth()).isEqualTo(11547);
        assertThat(JpegStructure.of(source).frameHeight()).isEqualTo(8660);

        ChildJvm.Result optimized = ChildJvm.run(dir, "-Xmx512m", "optimize", source.toString(), target.toString());

        assertThat(optimized.exitCode()).as("optimizer output:%n%s", optimized.output()).isZero();
        assertThat(optimized.output()).contains("max heap");
        JpegStructure output = JpegStructure.of(target);
        assertThat(output.frameWidth()).isEqualTo(1440);
        assertThat(output.frameHeight()).isEqualTo(1080);
        assertThat(output.frameMarker()).isEqualTo(0xC0);
    }
}
