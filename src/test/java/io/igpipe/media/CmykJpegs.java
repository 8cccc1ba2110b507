package io.igpipe.media;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes 4-component JPEGs the way Photoshop does (Adobe APP14 marker, inverted samples), in Java: CMYK
 * (transform 0) or YCCK (transform 2). No ICC profile is embedded, so readers use a generic CMYK conversion.
 */
public final class CmykJpegs {

    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    private CmykJpegs() {
    }

    /**
     * @param ink  ink coverage per pixel, [y][x] = {c, m, y, k} in 0..255 (255 = full ink)
     * @param ycck true for YCCK, false for plain CMYK
     */
    public static Path write(int[][][] ink, boolean ycck, Path file) throws IOException {
        int height = ink.length;
        int width = ink[0].length;
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] sample = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int[] cmyk = ink[y][x];
                if (ycck) {
                    // Adobe YCCK: YCbCr of (C, M, Y) treated as R, G, B; K stored inverted.
                    double r = cmyk[0];
                    double g = cmyk[1];
                    double b = cmyk[2];
                    sample[0] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
                    sample[1] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
                    sample[2] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
                } else {
                    sample[0] = 255 - cmyk[0];
                    sample[1] = 255 - cmyk[1];
                    sample[2] = 255 - cmyk[2];
                }
                sample[3] = 255 - cmyk[3];
                raster.setPixel(x, y, sample);
            }
        }
        ImageWriter writer = jdkJpegWriter();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            ImageTypeSpecifier cmykType = ImageTypeSpecifier.createInterleaved(
                    ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK), new int[] {0, 1, 2, 3},
                    DataBuffer.TYPE_BYTE, false, false);
            IIOMetadata metadata = writer.getDefaultImageMetadata(cmykType, param);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
            NodeList adobe = root.getElementsByTagName("app14Adobe");
            for (int i = 0; i < adobe.getLength(); i++) {
                ((IIOMetadataNode) adobe.item(i)).setAttribute("transform", ycck ? "2" : "0");
            }
            NodeList jfif = root.getElementsByTagName("app0JFIF");
            for (int i = jfif.getLength() - 1; i >= 0; i--) {
                Node node = jfif.item(i);
                node.getParentNode().removeChild(node);
            }
            metadata.setFromTree(FORMAT, root);
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, metadata), param);
        } finally {
            writer.dispose();
        }
        return file;
    }

    /** The JDK's own writer: it writes a Raster's 4 samples as they are, under the Adobe marker we give it. */
    private static ImageWriter jdkJpegWriter() {
        for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext(); ) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio")) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("The JDK JPEG writer is not registered");
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
