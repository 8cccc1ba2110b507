package io.igpipe.ingest;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.igpipe.ledger.PostType;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Finds and reads the sidecar of a photo: {@code name.txt} (the caption) or {@code name.yaml}/{@code name.yml}
 * (caption, alt_text, location_id, user_tags, type, publish_at, collaborators, share_to_feed, thumb_offset), and
 * a carousel folder's {@code post.yaml}. Strict on purpose: an unknown key is more likely a typo
 * than something to ignore, and a post published without its intended caption cannot be taken back.
 */
@Component
public class SidecarReader {

    static final List<String> EXTENSIONS = List.of(".txt", ".yaml", ".yml");
    private static final Set<String> YAML_KEYS = Set.of("caption", "alt_text", "location_id", "user_tags", "type",
            "publish_at", "collaborators", "share_to_feed", "thumb_offset");
    /** A carousel folder's post.yaml: the parent's fields, and per-item alt text and tags keyed by file name. */
    private static final Set<String> CAROUSEL_KEYS = Set.of("caption", "location_id", "publish_at", "collaborators",
            "items");
    private static final Set<String> ITEM_KEYS = Set.of("alt_text", "user_tags");

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
                ? Sidecar.captionOnly(path, emptyToNull(text.strip()))
                : readYaml(path, text);
        CaptionRules.check(fileName, sidecar.caption(), sidecar.altText());
        return sidecar;
    }

    private Sidecar readYaml(Path path, String text) throws PostRejectedException {
        String name = path.getFileName().toString();
        Map<?, ?> map = mapping(name, text, YAML_KEYS);
        return new Sidecar(path, scalar(name, map, "caption"), scalar(name, map, "alt_text"),
                scalar(name, map, "location_id"), UserTags.toGraphJson(map.get("user_tags"), name, "SIDECAR_INVALID"),
                type(name, map), publishAt(name, map), collaborators(name, map), flag(name, map, "share_to_feed"),
                milliseconds(name, map, "thumb_offset"), Map.of());
    }

    /** Reads a carousel folder's {@code post.yaml}; a folder without one is a carousel with no caption. */
    public Sidecar readCarousel(Path postYaml) throws PostRejectedException {
        if (!Files.isRegularFile(postYaml)) {
            return Sidecar.none();
        }
        String name = postYaml.getParent().getFileName() + "/" + postYaml.getFileName();
        Map<?, ?> map = mapping(name, readUtf8(postYaml), CAROUSEL_KEYS);
        Map<String, Sidecar.ItemFields> items = new LinkedHashMap<>();
        if (map.get("items") != null) {
            if (!(map.get("items") instanceof Map<?, ?> byFile)) {
                throw new PostRejectedException("SIDECAR_INVALID", name + ": items must map file names to "
                        + "{alt_text, user_tags}.");
            }
            for (Map.Entry<?, ?> entry : byFile.entrySet()) {
                String where = name + " items." + entry.getKey();
                Map<?, ?> fields = entry.getValue() instanceof Map<?, ?> m ? m : Map.of();
                requireKnownKeys(where, fields, ITEM_KEYS);
                items.put(String.valueOf(entry.getKey()), new Sidecar.ItemFields(scalar(where, fields, "alt_text"),
                        UserTags.toGraphJson(fields.get("user_tags"), where, "SIDECAR_INVALID")));
            }
        }
        return new Sidecar(postYaml, scalar(name, map, "caption"), null, scalar(name, map, "location_id"), null, null,
                publishAt(name, map), collaborators(name, map), null, null, items);
    }

    private static Map<?, ?> mapping(String name, String text, Set<String> allowed) throws PostRejectedException {
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new PostRejectedException("SIDECAR_INVALID", name + " is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new PostRejectedException("SIDECAR_INVALID", name + " must be a mapping of "
                    + allowed.stream().sorted().toList() + ".");
        }
        requireKnownKeys(name, map, allowed);
        return map;
    }

    private static void requireKnownKeys(String name, Map<?, ?> map, Set<String> allowed) throws PostRejectedException {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new PostRejectedException("SIDECAR_INVALID", name + " has an unknown key '" + key
                        + "'; allowed: " + allowed.stream().sorted().toList() + ".");
            }
        }
    }

    private static PostType type(String name, Map<?, ?> map) throws PostRejectedException {
        String value = scalar(name, map, "type");
        if (value == null) {
            return null;
        }
        try {
            return PostType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PostRejectedException("INVALID_MEDIA_TYPE", name + ": type must be one of "
                    + List.of(PostType.values()) + ", not '" + value + "'.");
        }
    }

    /** ISO-8601 with a zone or offset: a time without one would mean different instants on different hosts. */
    private static OffsetDateTime publishAt(String name, Map<?, ?> map) throws PostRejectedException {
        Object value = map.get("publish_at");
        if (value == null) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC);
        }
        try {
            return ZonedDateTime.parse(String.valueOf(value).strip()).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new PostRejectedException("INVALID_SCHEDULE", name + ": publish_at must be ISO-8601 with a zone, "
                    + "e.g. 2026-12-01T09:30:00+01:00 or 2026-12-01T08:30:00Z; got '" + value + "'.");
        }
    }

    private static List<String> collaborators(String name, Map<?, ?> map) throws PostRejectedException {
        Object value = map.get("collaborators");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> v instanceof Map || v instanceof List)) {
            throw new PostRejectedException("INVALID_COLLABORATORS", name + ": collaborators must be a list of "
                    + "Instagram usernames.");
        }
        return list.stream().map(String::valueOf).toList();
    }

    private static Boolean flag(String name, Map<?, ?> map, String key) throws PostRejectedException {
        Object value = map.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new PostRejectedException("SIDECAR_INVALID", name + ": " + key + " must be true or false.");
    }

    private static Long milliseconds(String name, Map<?, ?> map, String key) throws PostRejectedException {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        throw new PostRejectedException("SIDECAR_INVALID", name + ": " + key + " must be whole milliseconds.");
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

    static String readUtf8(Path path) throws PostRejectedException {
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
