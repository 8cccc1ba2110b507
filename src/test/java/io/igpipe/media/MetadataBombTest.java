package io.igpipe.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PNG text chunk is a decompression bomb of its own: 0.5 MB of zTXt inflates to 512 MB, and both the JDK PNG reader
 * (unless told to ignore metadata) and metadata-extractor inflate it whole. The optimizer never inflates it: a child
 * JVM with a 256 MB heap optimizes the photo.
 */
class MetadataBombTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void compressedTextChunkIsNeverInflated() throws Exception {
        byte[] png = Files.readAllBytes(SyntheticPhotos.write(SyntheticPhotos.photo(800, 600, 60), "png",
                dir.resolve("plain.png")));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        text.write("Comment".getBytes(StandardCharsets.ISO_8859_1));
        text.write(0);
        text.write(0);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(text, new Deflater(Deflater.BEST_COMPRESSION))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) {
                deflater.write(zeros);
            }
        }
        byte[] bomb = PngChunks.insertAfterHeader(png, PngChunks.chunk("zTXt", text.toByteArray()));
        Path source = Files.write(dir.resolve("bomb.png"), bomb);
        assertThat(Files.size(source)).isLessThan(png.length + 1024 * 1024);

        ChildJvm.Result optimized = ChildJvm.run(dir, "-Xmx256m", "optimize", source.toString(),
                dir.resolve("out.jpg").toString());

        assertThat(optimized.exitCode()).as("optimizer output:%n%s", optimized.output()).isZero();
        assertThat(JpegStructure.of(dir.resolve("out.jpg")).frameWidth()).isEqualTo(800);
    }
}
