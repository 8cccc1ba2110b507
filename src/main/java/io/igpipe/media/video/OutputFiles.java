package io.igpipe.media.video;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Outputs are written to a temporary file next to the target and moved into place, so a reader of the target (the
 * web server Instagram fetches from) never sees a partial or unverified file.
 */
final class OutputFiles {

    private OutputFiles() {
    }

    /** A fresh name next to {@code target}, hidden, with the same extension so tools that look at it are happy. */
    static Path temporarySibling(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + parent, e);
        }
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot);
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return parent.resolve("." + name + "." + random + ".part" + extension);
    }

    /** Moves {@code temporary} onto {@code target}, atomically where the file system can. */
    static void moveIntoPlace(Path temporary, Path target) {
        try {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Cannot move the result to " + target, e);
        }
    }

    /** Copies {@code source} to {@code target} through a temporary sibling. */
    static void copyIntoPlace(Path source, Path target) {
        Path temporary = temporarySibling(target);
        try {
            Files.copy(source, temporary);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
        moveIntoPlace(temporary, target);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover hidden .part file is harmless; the original failure is what matters.
        }
    }
}
