package io.igpipe.graph.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's state on disk. Written to a temporary file beside the target and moved over it atomically, so a
 * crash mid-write leaves the previous state, never half a file.
 */
final class StateFile {

    /** What survives a restart. Call log, call budget and fault rules are runtime matters and start afresh. */
    record Contents(int version, List<AccountRecord> accounts, List<TokenRecord> tokens,
                    List<ContainerRecord> containers, List<MediaRecord> media) {
    }

    /** 2: tokens are kept as digests. A file of another version is set aside, not misread. */
    static final int VERSION = 2;

    private final Path path;

    StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    Optional<Contents> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        com.fasterxml.jackson.databind.JsonNode document = SandboxJson.MAPPER.readTree(path.toFile());
        if (document == null || document.path("version").asInt() != VERSION) {
            Path aside = path.resolveSibling(path.getFileName() + ".v" + (document == null ? 0 : document.path("version").asInt()));
            Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
            System.getLogger(StateFile.class.getName()).log(System.Logger.Level.WARNING,
                    "Sandbox state file of another version moved to " + aside + "; starting with an empty sandbox");
            return Optional.empty();
        }
        return Optional.of(SandboxJson.MAPPER.treeToValue(document, Contents.class));
    }

    void write(Contents contents) {
        try {
            Path directory = path.getParent();
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, path.getFileName().toString(), ".tmp");
            try {
                SandboxJson.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), contents);
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save sandbox state to " + path, e);
        }
    }
}
