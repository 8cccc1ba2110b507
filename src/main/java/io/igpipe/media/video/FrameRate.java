package io.igpipe.media.video;

import java.util.Locale;

/**
 * A frame rate as the exact fraction ffprobe reports ({@code 30000/1001}), so NTSC rates survive planning
 * unrounded. {@link #UNKNOWN} ({@code 0/0}) when ffprobe could not tell.
 */
public record FrameRate(long numerator, long denominator) {

    public static final FrameRate UNKNOWN = new FrameRate(0, 0);

    /** Parses ffprobe's {@code num/den}; anything else is {@link #UNKNOWN}. */
    public static FrameRate parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        int slash = text.indexOf('/');
        try {
            long numerator = Long.parseLong(slash < 0 ? text.trim() : text.substring(0, slash).trim());
            long denominator = slash < 0 ? 1 : Long.parseLong(text.substring(slash + 1).trim());
            return numerator > 0 && denominator > 0 ? new FrameRate(numerator, denominator).reduced() : UNKNOWN;
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    public boolean isKnown() {
        return numerator > 0 && denominator > 0;
    }

    /** Frames per second; 0 when unknown. */
    public double value() {
        return isKnown() ? (double) numerator / denominator : 0;
    }

    public FrameRate times(int factor) {
        return new FrameRate(numerator * factor, denominator).reduced();
    }

    public FrameRate dividedBy(int divisor) {
        return new FrameRate(numerator, denominator * divisor).reduced();
    }

    /** Whether {@code other} is within {@code tolerance} (a fraction, 0.01 = 1 %) of this rate. */
    public boolean closeTo(FrameRate other, double tolerance) {
        return isKnown() && other.isKnown() && Math.abs(value() - other.value()) <= tolerance * value();
    }

    /** The fraction as ffmpeg's fps filter and {@code -r} take it. */
    public String ffmpegValue() {
        return numerator + "/" + denominator;
    }

    @Override
    public String toString() {
        return isKnown() ? String.format(Locale.ROOT, "%.3f fps", value()).replace(".000 ", " ") : "unknown fps";
    }

    private FrameRate reduced() {
        long gcd = gcd(numerator, denominator);
        return gcd <= 1 ? this : new FrameRate(numerator / gcd, denominator / gcd);
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
