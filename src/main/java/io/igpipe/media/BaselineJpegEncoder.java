package io.igpipe.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes opaque sRGB pixels as a baseline (sequential, SOF0) JFIF JPEG: 3 components, YCbCr 4:2:0, standard
 * Huffman tables (optimized ones save only 1-4 % at a third more encoding time), no EXIF, no ICC profile (an
 * untagged JPEG is read as sRGB). Thread-safe: a writer per call.
 */
final class BaselineJpegEncoder {

    private final ImageWriterSpi writerSpi;

    BaselineJpegEncoder(ImageWriterSpi writerSpi) {
        this.writerSpi = writerSpi;
    }

    byte[] encode(BufferedImage rgb, float quality) throws IOException {
        ImageWriter writer = writerSpi.createWriterInstance();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(64 * 1024, rgb.getWidth() * rgb.getHeight() / 3));
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            if (param.canWriteProgressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DISABLED);
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
