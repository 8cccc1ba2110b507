package io.igpipe.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.lang.ByteArrayReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;

/**
 * Reads the EXIF orientation with metadata-extractor, without touching pixel data: for JPEG from its APP1
 * segments (the segment reader stops at the first scan), for PNG and WebP from the EXIF bytes
 * {@link ContainerScan} found. Unreadable or odd metadata never rejects a photo: it counts as upright.
 */
final class ExifOrientationReader {

    private ExifOrientationReader() {
    }

    static Orientation ofJpeg(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 16 * 1024)) {
            return orientationIn(JpegMetadataReader.readMetadata(in, List.of(new ExifReader())));
        } catch (IOException | ImageProcessingException | RuntimeException e) {
            return Orientation.NORMAL;
        }
    }

    /** @param tiff EXIF data in TIFF structure (no "Exif\0\0" preamble), or null */
    static Orientation ofExif(byte[] tiff) {
        if (tiff == null) {
            return Orientation.NORMAL;
        }
        try {
            Metadata metadata = new Metadata();
            new ExifReader().extract(new ByteArrayReader(tiff), metadata);
            return orientationIn(metadata);
        } catch (RuntimeException e) {
            return Orientation.NORMAL;
        }
    }

    private static Orientation orientationIn(Metadata metadata) {
        for (ExifIFD0Directory directory : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
            Integer value = directory.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            if (value != null && value >= 1 && value <= 8) {
                return Orientation.ofExif(value);
            }
        }
        return Orientation.NORMAL;
    }
}
