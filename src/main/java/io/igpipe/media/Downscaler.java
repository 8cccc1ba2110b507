package io.igpipe.media;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.util.Arrays;

/**
 * Scales opaque images down by area averaging, never nearest-neighbour: halving steps (each output pixel is the
 * mean of a 2x2 block) while the image is at least twice the target, then one exact area-weighted step (each
 * output pixel is the coverage-weighted mean of the source pixels under it) to the final size. Reads the decoders'
 * TYPE_3BYTE_BGR and our TYPE_INT_RGB arrays directly; integer arithmetic throughout.
 */
final class Downscaler {

    /** Horizontal weights are in 1/4096ths, vertical ones in 1/1024ths: 255 x 4096 x 1024 still fits an int. */
    private static final int X_BITS = 12;
    private static final int Y_BITS = 10;

    private Downscaler() {
    }

    /**
     * Returns a plain opaque TYPE_INT_RGB image of exactly {@code width x height} (the source itself when it already
     * is one). Intermediate images are flushed; the source is left to the caller.
     */
    static BufferedImage scale(BufferedImage source, int width, int height) {
        if (width > source.getWidth() || height > source.getHeight()) {
            return bilinear(source, width, height);
        }
        BufferedImage current = source;
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            BufferedImage half = halve(current);
            release(current, source);
            current = half;
        }
        if (current.getWidth() != width || current.getHeight() != height || !isPlainIntRgb(current)) {
            BufferedImage exact = areaAverage(current, width, height);
            release(current, source);
            current = exact;
        }
        return current;
    }

    /** TYPE_INT_RGB whose pixels fill its int array row by row from index 0 (what {@link Orientation} expects). */
    static boolean isPlainIntRgb(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_INT_RGB
                && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getOffset() == 0
                && image.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0;
    }

    /** TYPE_3BYTE_BGR whose bytes fill its array row by row from index 0, as the JPEG and PNG readers decode. */
    static boolean isPlainByteBgr(BufferedImage image) {
        return image.getType() == BufferedImage.TYPE_3BYTE_BGR
                && image.getRaster().getParent() == null
                && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getOffset() == 0
                && image.getSampleModel() instanceof PixelInterleavedSampleModel model
                && model.getPixelStride() == 3
                && model.getScanlineStride() == image.getWidth() * 3
                && Arrays.equals(model.getBandOffsets(), new int[] {2, 1, 0})
                && image.getRaster().getSampleModelTranslateX() == 0
                && image.getRaster().getSampleModelTranslateY() == 0;
    }

    /** Each output pixel is the rounded mean of a 2x2 block; an odd last row or column is dropped. */
    static BufferedImage halve(BufferedImage source) {
        int width = source.getWidth() / 2;
        int height = source.getHeight() / 2;
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        if (isPlainByteBgr(source)) {
            halveByteBgr(((DataBufferByte) source.getRaster().getDataBuffer()).getData(), source.getWidth(), dst,
                    width, height);
            return out;
        }
        RowReader rows = RowReader.of(source);
        int[] upper = new int[source.getWidth()];
        int[] lower = new int[source.getWidth()];
        for (int y = 0; y < height; y++) {
            rows.read(2 * y, upper);
            rows.read(2 * y + 1, lower);
            int o = y * width;
            for (int x = 0, s = 0; x < width; x++, s += 2) {
                int a = upper[s];
                int b = upper[s + 1];
                int c = lower[s];
                int d = lower[s + 1];
                // Red and blue summed in one int (16 bits apart), green in another: 4 x 255 fits in 10 bits.
                int redBlue = (a & 0xFF00FF) + (b & 0xFF00FF) + (c & 0xFF00FF) + (d & 0xFF00FF) + 0x020002;
                int green = (a & 0x00FF00) + (b & 0x00FF00) + (c & 0x00FF00) + (d & 0x00FF00) + 0x000200;
                dst[o + x] = ((redBlue >> 2) & 0xFF00FF) | ((green >> 2) & 0x00FF00);
            }
        }
        return out;
    }

    /** {@link #halve} straight from the B, G, R bytes. */
    private static void halveByteBgr(byte[] src, int sourceWidth, int[] dst, int width, int height) {
        int stride = sourceWidth * 3;
        for (int y = 0; y < height; y++) {
            int upper = 2 * y * stride;
            int lower = upper + stride;
            int o = y * width;
            for (int x = 0; x < width; x++, upper += 6, lower += 6) {
                int b = (src[upper] & 0xFF) + (src[upper + 3] & 0xFF) + (src[lower] & 0xFF) + (src[lower + 3] & 0xFF);
                int g = (src[upper + 1] & 0xFF) + (src[upper + 4] & 0xFF) + (src[lower + 1] & 0xFF)
                        + (src[lower + 4] & 0xFF);
                int r = (src[upper + 2] & 0xFF) + (src[upper + 5] & 0xFF) + (src[lower + 2] & 0xFF)
                        + (src[lower + 5] & 0xFF);
                dst[o + x] = (((r + 2) >> 2) << 16) | (((g + 2) >> 2) << 8) | ((b + 2) >> 2);
            }
        }
    }

    /**
     * Area-weighted resampling to {@code width x height}, no larger than the source: each output pixel is the mean
     * of the source pixels under it, weighted by how much of each it covers. Each source row is reduced
     * horizontally once (twice at most where it straddles two output rows).
     */
    static BufferedImage areaAverage(BufferedImage source, int width, int height) {
        int sourceWidth = source.getWidth();
        Taps columns = Taps.of(sourceWidth, width, X_BITS);
        Taps rows = Taps.of(source.getHeight(), height, Y_BITS);

        RowReader reader = RowReader.of(source);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[sourceWidth];
        int[][] reduced = {new int[width * 3], new int[width * 3]};
        int[] reducedRow = {-1, -1};
        int[] sum = new int[width * 3];
        int shift = X_BITS + Y_BITS;
        int round = 1 << (shift - 1);
        for (int y = 0; y < height; y++) {
            Arrays.fill(sum, 0);
            for (int k = 0; k < rows.maxTaps(); k++) {
                int weight = rows.weight()[y * rows.maxTaps() + k];
                if (weight == 0) {
                    continue;
                }
                int sourceRow = rows.first()[y] + k;
                int slot = reducedRow[0] == sourceRow ? 0 : reducedRow[1] == sourceRow ? 1 : -1;
                if (slot < 0) {
                    slot = reducedRow[0] < reducedRow[1] ? 0 : 1;
                    reader.read(sourceRow, row);
                    reduceRow(row, columns, reduced[slot]);
                    reducedRow[slot] = sourceRow;
                }
                int[] values = reduced[slot];
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += values[i] * weight;
                }
            }
            int o = y * width;
            for (int x = 0, i = 0; x < width; x++, i += 3) {
                int r = Math.min(255, (sum[i] + round) >> shift);
                int g = Math.min(255, (sum[i + 1] + round) >> shift);
                int b = Math.min(255, (sum[i + 2] + round) >> shift);
                dst[o + x] = (r << 16) | (g << 8) | b;
            }
        }
        return out;
    }

    private static void reduceRow(int[] row, Taps columns, int[] reduced) {
        int[] first = columns.first();
        int[] weights = columns.weight();
        int maxTaps = columns.maxTaps();
        if (maxTaps == 3) {
            // Every final step (scale below 2) and every size-limit step: three taps, unrolled.
            for (int x = 0, i = 0, t = 0; x < first.length; x++, i += 3, t += 3) {
                int from = first[x];
                int p0 = row[from];
                int p1 = row[from + 1];
                int p2 = row[from + 2];
                int w0 = weights[t];
                int w1 = weights[t + 1];
                int w2 = weights[t + 2];
                reduced[i] = ((p0 >> 16) & 0xFF) * w0 + ((p1 >> 16) & 0xFF) * w1 + ((p2 >> 16) & 0xFF) * w2;
                reduced[i + 1] = ((p0 >> 8) & 0xFF) * w0 + ((p1 >> 8) & 0xFF) * w1 + ((p2 >> 8) & 0xFF) * w2;
                reduced[i + 2] = (p0 & 0xFF) * w0 + (p1 & 0xFF) * w1 + (p2 & 0xFF) * w2;
            }
            return;
        }
        for (int x = 0, i = 0; x < first.length; x++, i += 3) {
            int r = 0;
            int g = 0;
            int b = 0;
            int from = first[x];
            int tap = x * maxTaps;
            for (int k = 0; k < maxTaps; k++) {
                int p = row[from + k];
                int w = weights[tap + k];
                r += ((p >> 16) & 0xFF) * w;
                g += ((p >> 8) & 0xFF) * w;
                b += (p & 0xFF) * w;
            }
            reduced[i] = r;
            reduced[i + 1] = g;
            reduced[i + 2] = b;
        }
    }

    /**
     * For each output position, the {@code maxTaps} source pixels from {@code first} on and their coverage weights
     * in fixed point, summing exactly to {@code 1 << bits}. Every position has {@code maxTaps} taps (unused ones
     * weigh 0), and {@code first} is moved back where needed so that all taps lie inside the source.
     */
    private record Taps(int[] first, int[] weight, int maxTaps) {

        static Taps of(int sourceSize, int size, int bits) {
            double scale = sourceSize / (double) size;
            int maxTaps = Math.min(sourceSize, (int) Math.ceil(scale) + 1);
            int[] first = new int[size];
            int[] weight = new int[size * maxTaps];
            int one = 1 << bits;
            for (int x = 0; x < size; x++) {
                double start = x * scale;
                double end = Math.min(sourceSize, start + scale);
                int from = Math.min((int) Math.floor(start), sourceSize - maxTaps);
                int to = Math.min(sourceSize, (int) Math.ceil(end));
                first[x] = from;
                int total = 0;
                int largest = 0;
                for (int i = from; i < to; i++) {
                    double cover = Math.max(0, Math.min(end, i + 1) - Math.max(start, i));
                    int w = (int) Math.round(cover / scale * one);
                    weight[x * maxTaps + i - from] = w;
                    total += w;
                    if (w > weight[x * maxTaps + largest]) {
                        largest = i - from;
                    }
                }
                weight[x * maxTaps + largest] += one - total;
            }
            return new Taps(first, weight, maxTaps);
        }
    }

    /** Java2D bilinear, only for the (never planned) case of a target larger than the source. */
    private static BufferedImage bilinear(BufferedImage source, int width, int height) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static void release(BufferedImage image, BufferedImage keep) {
        if (image != keep) {
            image.flush();
        }
    }

    /** Reads one row of an opaque image as packed 0xRRGGBB. */
    @FunctionalInterface
    private interface RowReader {
        void read(int y, int[] row);

        static RowReader of(BufferedImage image) {
            int width = image.getWidth();
            if (isPlainIntRgb(image)) {
                int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                return (y, row) -> System.arraycopy(data, y * width, row, 0, width);
            }
            if (isPlainByteBgr(image)) {
                byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                int stride = width * 3;
                return (y, row) -> {
                    for (int x = 0, i = y * stride; x < width; x++, i += 3) {
                        row[x] = ((data[i + 2] & 0xFF) << 16) | ((data[i + 1] & 0xFF) << 8) | (data[i] & 0xFF);
                    }
                };
            }
            return (y, row) -> image.getRGB(0, y, width, 1, row, 0, width);
        }
    }
}
