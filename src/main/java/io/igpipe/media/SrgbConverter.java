package io.igpipe.media;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.DirectColorModel;

import com.twelvemonkeys.imageio.color.ColorProfiles;
import com.twelvemonkeys.imageio.color.ColorSpaces;

/** Converts opaque RGB samples in an embedded ICC colour space (Adobe RGB, Display P3, ...) to sRGB. */
final class SrgbConverter {

    private SrgbConverter() {
    }

    /**
     * @param samples plain TYPE_INT_RGB whose samples are really in {@code space}
     * @return a new TYPE_INT_RGB image in sRGB
     */
    static BufferedImage toSrgb(BufferedImage samples, ICC_ColorSpace space) {
        DirectColorModel model = new DirectColorModel(space, 24, 0xFF0000, 0x00FF00, 0x0000FF, 0, false,
                DataBuffer.TYPE_INT);
        BufferedImage tagged = new BufferedImage(model, samples.getRaster(), false, null);
        BufferedImage srgb = new BufferedImage(samples.getWidth(), samples.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ColorConvertOp(null).filter(tagged, srgb);
        return srgb;
    }

    /**
     * The colour space of an embedded ICC profile when it is an RGB space other than sRGB; null for sRGB, non-RGB,
     * or a profile that cannot be used (then the samples are taken as sRGB, as browsers do).
     */
    static ICC_ColorSpace nonSrgbRgbSpace(byte[] iccProfile) {
        if (iccProfile == null) {
            return null;
        }
        try {
            ICC_Profile profile = ColorProfiles.createProfile(iccProfile);
            if (profile.getColorSpaceType() != ColorSpace.TYPE_RGB || ColorProfiles.isCS_sRGB(profile)) {
                return null;
            }
            return ColorSpaces.createColorSpace(profile);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
