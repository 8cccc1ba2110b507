package io.igpipe.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds and reads the sidecar of a photo: {@code name.txt} (the caption) or {@code name.yaml}/{@code name.yml}
 * (caption, alt_text, location_id, user_tags). Strict on purpose: an unknown key is more likely a typo
 * than something to ignore, and a post published without its intended caption cannot be taken back.
 */
@Component
public class SidecarReader {

    static final List<String> EXTENSIONS = List.of(".txt", ".yaml", ".yml");
    private static final Set<String> YAML_KEYS = Set.of("caption", "alt_text", "location_id", "user_tags");

    private final ObjectMapper json = new ObjectMapper();

    public static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** Sidecar files present next to a media file (normally zero or one). */
    public static List<Path> candidates(Path media) {
        String base = baseName(media.getFileName().toString());
        List<Path> found = new ArrayList<>();
        for (String extension : EXTENSIONS) {
            Path candidate = media.resolveSibling(base + extension);
            if (Files.isRegularFile(candidate)) {
                found.add(candidate);
            }
        }
        return found;
    }

    public Sidecar read(Path media) throws PostRejectedException {
        String fileName = media.getFileName().toString();
        List<Path> found = candidates(media);
        if (found.isEmpty()) {
            return Sidecar.none();
        }
        if (found.size() > 1) {
            throw new PostRejectedException("SIDECAR_INVALID", fileName + " has more than one sidecar ("
                    + found.stream().map(p -> p.getFileName().toString()).toList() + "); keep exactly one.");
        }
        Path path = found.get(0);
        String text = readUtf8(path);
        Sidecar sidecar = path.toString().endsWith(".txt")
                ? new Sidecar(path, emptyToNull(text.strip()), null, null, null)
                : readYaml(path, text);
        CaptionRules.check(fileName, sidecar.caption(), sidecar.altText());
        return sidecar;
    }

    private Sidecar readYaml(Path path, String text) throws PostRejectedException {
        String name = path.getFileName().toString();
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new PostRejectedException("SIDECAR_INVALID", name + " is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (document == null) {
            return new Sidecar(path, null, null, null, null);
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new PostRejectedException("SIDECAR_INVALID", name + " must be a mapping of caption, alt_text, location_id, user_tags.");
        }
        for (Object key : map.keySet()) {
            if (!YAML_KEYS.contains(String.valueOf(key))) {
                throw new PostRejectedException("SIDECAR_INVALID", name + " has an unknown key '" + key
                        + "'; allowed: " + YAML_KEYS.stream().sorted().toList() + ".");
            }
        }
        return new Sidecar(path, scalar(name, map, "caption"), scalar(name, map, "alt_text"),
                scalar(name, map, "location_id"), userTags(name, map.get("user_tags")));
    }

    private String userTags(String name, Object value) throws PostRejectedException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new PostRejectedException("SIDECAR_INVALID", name + ": user_tags must be a list of {username, x, y}.");
        }
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> tag) || !(tag.get("username") instanceof String username) || username.isBlank()) {
                throw new PostRejectedException("SIDECAR_INVALID", name + ": every user tag needs a username, x and y.");
            }
            if (username.startsWith("@")) {
                throw new PostRejectedException("SIDECAR_INVALID", name + ": write the user tag '" + username
                        + "' without the leading @.");
            }
            Map<String, Object> normalised = new LinkedHashMap<>();
            normalised.put("username", username);
            normalised.put("x", coordinate(name, tag.get("x"), username));
            normalised.put("y", coordinate(name, tag.get("y"), username));
            tags.add(normalised);
        }
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double coordinate(String name, Object value, String username) throws PostRejectedException {
        if (value instanceof Number number && number.doubleValue() >= 0.0 && number.doubleValue() <= 1.0) {
            return number.doubleValue();
        }
        throw new PostRejectedException("SIDECAR_INVALID", name + ": the user tag for " + username
                + " needs x and y between 0.0 and 1.0 (measured from the top-left corner).");
    }

    private static String scalar(String name, Map<?, ?> map, String key) throws PostRejectedException {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new PostRejectedException("SIDECAR_INVALID", name + ": " + key + " must be a single value.");
        }
        return emptyToNull(String.valueOf(value).strip());
    }

    private static String readUtf8(Path path) throws PostRejectedException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString();
        } catch (CharacterCodingException e) {
            throw new PostRejectedException("SIDECAR_INVALID", path.getFileName() + " is not UTF-8 text.");
        } catch (IOException e) {
            throw new PostRejectedException("SIDECAR_INVALID", "Cannot read " + path.getFileName() + ": " + e.getMessage());
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
