package io.igpipe.media;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * One source file opened with its ImageIO reader: reads the header without decoding pixels, then decodes at most
 * the region and resolution asked for. Any reader warning about the pixel data (the JDK JPEG reader only warns on
 * a truncated file and fills the rest with grey) and any decoder failure become {@link MediaErrorCode#MEDIA_CORRUPT}.
 * Not thread-safe; one per optimization, closed promptly.
 */
final class SourceDecoder implements AutoCloseable {

    /**
     * Reader warnings that leave the pixels complete: about metadata (ICC, Adobe, EXIF, JFIF segments), or junk
     * between the last scan and the end marker. Every other warning means damaged or missing image data.
     */
    private static final Pattern HARMLESS_WARNING = Pattern.compile(
            "(?i)icc|colou?r profile|app14|adobe|exif|bogus app|thumbnail|jfif|jfxx|extraneous bytes before marker 0xd9");

    private final Path source;
    private final ImageFormat format;
    private final ImageInputStream stream;
    private final ImageReader reader;
    private final List<String> warnings = new ArrayList<>();

    private SourceDecoder(Path source, ImageFormat format, ImageInputStream stream, ImageReader reader) {
        this.source = source;
        this.format = format;
        this.stream = stream;
        this.reader = reader;
    }

    static SourceDecoder open(Path source, ImageFormat format, ImageReaderSpi readerSpi) throws IOException {
        ImageInputStream stream = ImageIO.createImageInputStream(source.toFile());
        if (stream == null) {
            throw new IOException("No ImageIO input stream for " + source);
        }
        try {
            ImageReader reader = readerSpi.createReaderInstance();
            // Metadata is never needed from the reader (colour handling works without it), and parsing it is a
            // risk: the JDK PNG reader inflates zTXt chunks without limit.
            reader.setInput(stream, false, true);
            SourceDecoder decoder = new SourceDecoder(source, format, stream, reader);
            reader.addIIOReadWarningListener((r, warning) -> decoder.warnings.add(warning));
            return decoder;
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
    }

    /** Width and height from the header; no pixels are decoded. */
    int[] dimensions() throws MediaRejectedException {
        try {
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width < 1 || height < 1) {
                throw corrupt("its header declares " + width + "x" + height + " px", null);
            }
            return new int[] {width, height};
        } catch (IOException | RuntimeException e) {
            throw corrupt("its header cannot be read (" + describe(e) + ")", e);
        }
    }

    /**
     * Decodes {@code region} (stored coordinates) keeping every {@code subsampling}-th pixel in each direction.
     */
    BufferedImage decode(Rectangle region, int subsampling) throws MediaRejectedException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceRegion(region);
        if (subsampling > 1) {
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        }
        warnings.clear();
        BufferedImage image;
        try {
            image = reader.read(0, param);
        } catch (IIOException e) {
            if (e.getMessage() != null && e.getMessage().toLowerCase().contains("unsupported")) {
                throw new MediaRejectedException(MediaErrorCode.MEDIA_UNSUPPORTED_FORMAT, source.getFileName()
                        + " is a " + format.displayName() + " variant igpipe cannot decode (" + describe(e)
                        + "). Export it again as a standard " + format.displayName() + " or JPEG.", e);
            }
            throw corrupt("its image data cannot be decoded (" + describe(e) + ")", e);
        } catch (IOException | RuntimeException e) {
            throw corrupt("its image data cannot be decoded (" + describe(e) + ")", e);
        }
        for (String warning : warnings) {
            if (!HARMLESS_WARNING.matcher(warning).find()) {
                image.flush();
                throw corrupt("its image data is damaged or incomplete (" + warning + ")", null);
            }
        }
        return image;
    }

    @Override
    public void close() {
        try {
            reader.dispose();
        } finally {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing a read-only file stream: nothing to recover
            }
        }
    }

    private MediaRejectedException corrupt(String what, Throwable cause) {
        return new MediaRejectedException(MediaErrorCode.MEDIA_CORRUPT, source.getFileName() + " looks like a "
                + format.displayName() + " file but " + what + ". The file is probably truncated or damaged: "
                + "copy or export the photo again.", cause);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
