package io.igpipe.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;

/**
 * Turns a dropped photo (JPEG, PNG or WebP, recognised by content) into a JPEG Instagram accepts: upright
 * (EXIF orientation applied), sRGB, baseline, 4:5..1.91:1, at most 1440 px wide and 8 MiB (see
 * {@link ImageRules}); or rejects it with a {@link MediaRejectedException} whose code says why.
 *
 * <p>Memory stays bounded whatever the source: the header is checked before any pixel is decoded (decompression
 * bomb guard), only the kept region is decoded, and it is decoded with source subsampling so that it is about
 * twice the output size rather than full resolution; a 100-megapixel JPEG fits in a 512 MB heap. Metadata comes
 * from size-capped container chunks (no PNG text chunk is ever inflated). The one decoder whose memory grows with
 * the full image is TwelveMonkeys' lossy WebP (about 32 bytes a pixel): a lossy WebP that would need more than
 * half the heap is rejected before decoding.
 *
 * <p>Thread-safe and without shared mutable state: every call uses its own reader and writer.
 * I/O failures that are not the photo's fault (source missing, target folder not writable) are thrown as
 * {@link UncheckedIOException}.
 */
public final class ImageOptimizer {

    static final float MIN_JPEG_QUALITY = 0.50f;
    private static final int QUALITY_STEP_PERCENT = 5;
    /**
     * Heap the TwelveMonkeys lossy WebP (VP8) decoder keeps per pixel: it holds the whole frame as macroblock
     * objects, whatever the subsampling (measured: a 12 MP photo needs a 260-320 MB heap). Lossless WebP, JPEG and
     * PNG decoding are bounded by subsampling instead.
     */
    static final int LOSSY_WEBP_BYTES_PER_PIXEL = 32;

    private final ImageRules rules;
    private final long lossyWebpMaxPixels;
    private final Map<ImageFormat, ImageReaderSpi> readerSpis = new EnumMap<>(ImageFormat.class);
    private final BaselineJpegEncoder encoder;

    public ImageOptimizer(ImageRules rules) {
        this(rules, Runtime.getRuntime().maxMemory());
    }

    /**
     * @param heapBytes the heap the lossy WebP guard plans with: one such decode may use at most half of it
     */
    ImageOptimizer(ImageRules rules, long heapBytes) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.lossyWebpMaxPixels = heapBytes / 2 / LOSSY_WEBP_BYTES_PER_PIXEL;
        // Spring Boot fat jars hide the TwelveMonkeys plugins from ImageIO's first scan.
        ImageIO.scanForPlugins();
        for (ImageFormat format : ImageFormat.values()) {
            readerSpis.put(format, readerSpi(format));
        }
        this.encoder = new BaselineJpegEncoder(jpegWriterSpi());
    }

    public ImageRules rules() {
        return rules;
    }

    /**
     * Reads what the header says and applies every check that needs no pixels: input size, format, decompression
     * bomb guard, minimum size. Does not decode pixels, so a damaged body is only found by {@link #optimize}.
     */
    public ImageFacts inspect(Path source) throws MediaRejectedException {
        Objects.requireNonNull(source, "source");
        try (Probe probe = probe(source)) {
            return probe.facts();
        }
    }

    /**
     * Optimizes {@code source} into a JPEG at {@code target}. The JPEG is written to a temporary file next to the
     * target and moved into place atomically, so a reader of {@code target} never sees a partial file.
     */
    public OptimizedImage optimize(Path source, Path target, OptimizationProfile profile)
            throws MediaRejectedException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(profile, "profile");
        OutputLimits limits = OutputLimits.of(rules, profile);
        ImageFacts facts;
        FramePlan plan;
        BufferedImage framed;
        try (Probe probe = probe(source)) {
            facts = probe.facts();
            Orientation orientation = Orientation.ofExif(facts.exifOrientation());
            plan = FramePlan.of(facts.displayWidth(), facts.displayHeight(), limits);
            if (plan.width() < limits.minWidth() || plan.height() < limits.minHeight()) {
                throw tooSmallAfterFit(source, facts, plan, limits);
            }
            framed = render(probe, orientation, plan);
        }
        Encoded encoded = encodeWithinLimit(source, framed, limits);
        writeAtomically(encoded.bytes(), target);
        return new OptimizedImage(target, encoded.width(), encoded.height(), encoded.bytes().length,
                facts.format(), facts.width(), facts.height(), facts.exifOrientation(), plan.aspectFixApplied(),
                encoded.quality());
    }

    private BufferedImage render(Probe probe, Orientation orientation, FramePlan plan) throws MediaRejectedException {
        ImageFacts facts = probe.facts();
        Rectangle region = plan.storedRegion(orientation, facts.width(), facts.height());
        int contentWidth = plan.storedContentWidth(orientation);
        int contentHeight = plan.storedContentHeight(orientation);
        int subsampling = subsampling(region, contentWidth, contentHeight);

        // The JDK PNG reader ignores iCCP: those samples are converted here. JPEG and WebP readers convert themselves.
        ICC_ColorSpace embeddedSpace = probe.container().declaresSrgb() ? null
                : SrgbConverter.nonSrgbRgbSpace(probe.container().iccProfile());
        BufferedImage decoded = probe.decoder().decode(region, subsampling);
        RgbFlattener.Flattened flat = RgbFlattener.flatten(decoded, rules.padRgb());
        if (flat.image() != decoded) {
            decoded.flush();
        }
        BufferedImage scaled = Downscaler.scale(flat.image(), contentWidth, contentHeight);
        if (scaled != flat.image()) {
            flat.image().flush();
        }
        ICC_ColorSpace samplesSpace = embeddedSpace != null ? embeddedSpace : flat.samplesSpace();
        if (samplesSpace != null) {
            scaled = SrgbConverter.toSrgb(scaled, samplesSpace);
        }
        BufferedImage upright = orientation.upright(scaled);
        if (plan.aspectFixApplied() != AspectFix.PAD) {
            return upright;
        }
        BufferedImage framed = new BufferedImage(plan.width(), plan.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = framed.createGraphics();
        try {
            g.setColor(new Color(rules.padRgb()));
            g.fillRect(0, 0, plan.width(), plan.height());
            g.drawImage(upright, plan.contentX(), plan.contentY(), null);
        } finally {
            g.dispose();
        }
        return framed;
    }

    /**
     * The largest source subsampling that still decodes at least twice the content size in both directions
     * (1 when the region is less than twice the content size): bounded memory without visible loss.
     */
    static int subsampling(Rectangle region, int contentWidth, int contentHeight) {
        int byWidth = region.width / (2 * contentWidth);
        int byHeight = region.height / (2 * contentHeight);
        return Math.max(1, Math.min(byWidth, byHeight));
    }

    private record Encoded(byte[] bytes, int width, int height, float quality) {
    }

    /**
     * Encodes at the configured quality; over the size limit, steps the quality down to 0.5, then scales down,
     * keeping the ratio inside the range, until it fits or the minimum size is reached.
     */
    private Encoded encodeWithinLimit(Path source, BufferedImage framed, OutputLimits limits)
            throws MediaRejectedException {
        long limit = rules.maxOutputBytes();
        int qualityPercent = Math.round(limits.jpegQuality() * 100);
        BufferedImage current = framed;
        byte[] bytes = encode(current, qualityPercent);
        while (bytes.length > limit && qualityPercent > Math.round(MIN_JPEG_QUALITY * 100)) {
            qualityPercent = Math.max(Math.round(MIN_JPEG_QUALITY * 100), qualityPercent - QUALITY_STEP_PERCENT);
            bytes = encode(current, qualityPercent);
        }
        while (bytes.length > limit) {
            double factor = Math.max(0.5, Math.min(0.9, Math.sqrt(limit / (double) bytes.length) * 0.95));
            int width = Math.max(limits.minWidth(), (int) (current.getWidth() * factor));
            int height = limits.heightFor(width, current.getWidth(), current.getHeight());
            if (width >= current.getWidth() || height < limits.minHeight()) {
                throw new MediaRejectedException(MediaErrorCode.MEDIA_CANNOT_MEET_SIZE_LIMIT, source.getFileName()
                        + " cannot be compressed to " + human(limit) + ": even at JPEG quality "
                        + String.format(Locale.ROOT, "%.2f", qualityPercent / 100f) + " and " + current.getWidth()
                        + "x" + current.getHeight() + " px it is " + human(bytes.length)
                        + ". Use a less detailed (less noisy) photo.");
            }
            BufferedImage smaller = Downscaler.scale(current, width, height);
            if (current != framed) {
                current.flush();
            }
            current = smaller;
            bytes = encode(current, qualityPercent);
        }
        return new Encoded(bytes, current.getWidth(), current.getHeight(), qualityPercent / 100f);
    }

    private byte[] encode(BufferedImage image, int qualityPercent) {
        try {
            return encoder.encode(image, qualityPercent / 100f);
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding failed", e);
        }
    }

    private static void writeAtomically(byte[] bytes, Path target) {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Path temp = directory.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            Files.createDirectories(directory);
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                out.write(bytes);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    /** A source whose header passed every check, with its reader still open for decoding. */
    private record Probe(ImageFacts facts, ContainerScan container, SourceDecoder decoder) implements AutoCloseable {
        @Override
        public void close() {
            decoder.close();
        }
    }

    private Probe probe(Path source) throws MediaRejectedException {
        String name = String.valueOf(source.getFileName());
        long fileBytes;
        byte[] head = new byte[ImageFormat.SIGNATURE_BYTES];
        int headLength;
        try {
            fileBytes = Files.size(source);
            if (fileBytes > rules.maxInputBytes()) {
                throw new MediaRejectedException(MediaErrorCode.MEDIA_FILE_TOO_LARGE, name + " is "
                        + human(fileBytes) + "; igpipe accepts photos up to " + human(rules.maxInputBytes())
                        + ". Export a smaller JPEG and drop it again.");
            }
            try (InputStream in = Files.newInputStream(source)) {
                headLength = in.readNBytes(head, 0, head.length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        if (headLength == 0) {
            throw new MediaRejectedException(MediaErrorCode.MEDIA_CORRUPT,
                    name + " is empty (0 bytes). Copy the photo again.");
        }
        Optional<ImageFormat> detected = ImageFormat.detect(head, headLength);
        if (detected.isEmpty()) {
            String what = ImageFormat.describeOther(head, headLength)
                    .orElse("not an image igpipe recognises (its content matches no image format)");
            throw new MediaRejectedException(MediaErrorCode.MEDIA_UNSUPPORTED_FORMAT, name + " is " + what
                    + "; igpipe accepts " + ImageFormat.ACCEPTED + " photos. Convert it to JPEG and drop it again.");
        }
        ImageFormat format = detected.get();

        SourceDecoder decoder;
        try {
            decoder = SourceDecoder.open(source, format, readerSpis.get(format));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + source, e);
        }
        try {
            int[] size = decoder.dimensions();
            int width = size[0];
            int height = size[1];
            long pixels = (long) width * height;
            if (pixels > rules.maxSourcePixels() || width > rules.maxSourceDimension()
                    || height > rules.maxSourceDimension()) {
                throw new MediaRejectedException(MediaErrorCode.MEDIA_DIMENSIONS_TOO_LARGE, name + " declares "
                        + width + "x" + height + " px (" + megapixels(pixels) + " megapixels); igpipe decodes at most "
                        + megapixels(rules.maxSourcePixels()) + " megapixels and " + rules.maxSourceDimension()
                        + " px per side. Resize it before dropping it.");
            }
            ContainerScan container = switch (format) {
                case JPEG -> ContainerScan.NONE;
                case PNG -> ContainerScan.ofPng(source);
                case WEBP -> ContainerScan.ofWebp(source);
            };
            if (container.lossyWebp() && pixels > lossyWebpMaxPixels) {
                throw new MediaRejectedException(MediaErrorCode.MEDIA_DIMENSIONS_TOO_LARGE, name + " is a lossy WebP of "
                        + width + "x" + height + " px (" + megapixels(pixels) + " megapixels); decoding one needs about "
                        + human(pixels * LOSSY_WEBP_BYTES_PER_PIXEL) + " of memory and this server allows lossy WebP"
                        + " up to " + megapixels(lossyWebpMaxPixels) + " megapixels. Convert it to JPEG and drop it"
                        + " again.");
            }
            Orientation orientation = format == ImageFormat.JPEG
                    ? ExifOrientationReader.ofJpeg(source) : ExifOrientationReader.ofExif(container.exif());
            ImageFacts facts = new ImageFacts(format.name(), width, height, orientation.exifValue(), fileBytes);
            checkMinimumSize(name, facts.displayWidth(), facts.displayHeight());
            return new Probe(facts, container, decoder);
        } catch (MediaRejectedException | RuntimeException e) {
            decoder.close();
            throw e;
        }
    }

    private void checkMinimumSize(String name, int width, int height) throws MediaRejectedException {
        boolean narrow = width < rules.minWidth();
        boolean low = height < rules.minHeight();
        if (!narrow && !low) {
            return;
        }
        String need = narrow && low ? rules.minWidth() + "x" + rules.minHeight() + " px"
                : narrow ? rules.minWidth() + " px wide" : rules.minHeight() + " px high";
        throw new MediaRejectedException(MediaErrorCode.MEDIA_TOO_SMALL, name + " is " + width + "x" + height
                + " px; Instagram needs at least " + need + ". Use a larger original.");
    }

    private static MediaRejectedException tooSmallAfterFit(Path source, ImageFacts facts, FramePlan plan,
            OutputLimits limits) {
        return new MediaRejectedException(MediaErrorCode.MEDIA_TOO_SMALL, source.getFileName() + " is "
                + facts.displayWidth() + "x" + facts.displayHeight() + " px; brought to an allowed aspect ratio it"
                + " would be " + plan.width() + "x" + plan.height() + " px, below Instagram's minimum of "
                + limits.minWidth() + "x" + limits.minHeight() + " px. Use a larger original.");
    }

    private static ImageReaderSpi readerSpi(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw new IllegalStateException("No ImageIO reader for " + format.displayName()
                    + "; is TwelveMonkeys imageio-" + format.imageIoName() + " on the classpath?");
        }
        ImageReader reader = readers.next();
        try {
            return reader.getOriginatingProvider();
        } finally {
            reader.dispose();
        }
    }

    private static ImageWriterSpi jpegWriterSpi() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO JPEG writer");
        }
        ImageWriter writer = writers.next();
        try {
            return writer.getOriginatingProvider();
        } finally {
            writer.dispose();
        }
    }

    static String human(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return bytes + " bytes";
    }

    private static String megapixels(long pixels) {
        return String.format(Locale.ROOT, "%.1f", pixels / 1_000_000.0);
    }
}
