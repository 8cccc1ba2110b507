package io.igpipe.graph.sandbox;

/**
 * What the sandbox learnt about the image it fetched for a container, so a test can prove the pipeline sent
 * what Instagram wants: a baseline sRGB JPEG of a sane size.
 *
 * @param bytes                  size of the body fetched
 * @param sha256                 hex digest of those bytes
 * @param colorComponents        1 grey, 3 YCbCr/RGB, 4 CMYK/YCCK
 * @param adobeMarker            an Adobe APP14 segment is present (often a sign of CMYK/YCCK from print tools)
 * @param adobeTransform         its transform byte (0 none/CMYK, 1 YCbCr, 2 YCCK), null without the marker
 * @param iccProfileDescription  description of the embedded ICC profile, null when there is none
 * @param nonSrgbIccProfile      an ICC profile is embedded and it is not sRGB
 * @param contentType            the Content-Type the origin declared (not trusted, only recorded)
 */
public record ImageFacts(
        long bytes,
        String sha256,
        int width,
        int height,
        JpegEncoding encoding,
        int colorComponents,
        boolean adobeMarker,
        Integer adobeTransform,
        String iccProfileDescription,
        boolean nonSrgbIccProfile,
        String contentType) {

    public boolean isProgressive() {
        return encoding == JpegEncoding.PROGRESSIVE;
    }

    public boolean isCmyk() {
        return colorComponents == 4;
    }
}
