package io.igpipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PostItem;
import io.igpipe.ledger.PostRecords;
import io.igpipe.ledger.PostState;
import io.igpipe.ledger.PostType;
import io.igpipe.ledger.PreparedMedia;
import org.springframework.stereotype.Component;

/**
 * Files a finished post where the operator looks for it: the original (and its sidecar) into
 * {@code .published/} with {@code name.result.json}, or into {@code .failed/} with {@code name.error.json}.
 * Nothing is deleted without a trace; a name already taken gets the post id appended.
 * Safe to run twice for the same post (a crash between filing and recording it).
 */
@Component("postArchiver")
public class PostArchiver {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final PreparedMedia preparedMedia;
    private final PostLifecycle lifecycle;
    private final PostRecords records;

    public PostArchiver(PreparedMedia preparedMedia, PostLifecycle lifecycle, PostRecords records) {
        this.preparedMedia = preparedMedia;
        this.lifecycle = lifecycle;
        this.records = records;
    }

    public void archivePublished(Post post) throws IOException {
        Map<String, Object> result = outcomeOf(post);
        result.put("mediaId", post.getMediaId());
        result.put("containerId", post.getContainerId());
        result.put("caption", post.getCaption());
        Map<String, Object> optimized = new LinkedHashMap<>();
        optimized.put("width", post.getPreparedWidth());
        optimized.put("height", post.getPreparedHeight());
        optimized.put("bytes", post.getPreparedBytes());
        result.put("optimized", optimized);
        result.put("timings", timings(post));
        if (PostType.CAROUSEL.name().equals(post.getPostType())) {
            result.put("children", records.itemsOf(post).stream().map(PostArchiver::childOutcome).toList());
        }
        file(post, WatchFolderLayout.PUBLISHED, ".result.json", result);
    }

    /** Cancelled through the API before it was published: filed in {@code .cancelled/}, content freed. */
    public void archiveCancelled(Post post) throws IOException {
        Map<String, Object> outcome = outcomeOf(post);
        outcome.put("cancelledAt", post.getCancelledAt());
        outcome.put("receivedAt", post.getReceivedAt());
        outcome.put("publishAt", post.getPublishAt());
        file(post, WatchFolderLayout.CANCELLED, ".cancelled.json", outcome);
    }

    private static Map<String, Object> childOutcome(PostItem item) {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("position", item.getPosition());
        child.put("originalName", item.getOriginalName());
        child.put("mediaType", item.getMediaType());
        child.put("containerId", item.getContainerId());
        child.put("containerBuilds", item.getContainerBuilds());
        child.put("width", item.getPreparedWidth());
        child.put("height", item.getPreparedHeight());
        return child;
    }

    public void archiveFailed(Post post) throws IOException {
        Map<String, Object> error = outcomeOf(post);
        error.put("code", post.getErrorCode());
        error.put("message", post.getErrorMessage());
        error.put("stage", post.getFailedStage());
        error.put("category", post.getErrorCategory());
        error.put("graphCode", post.getGraphCode());
        error.put("graphSubcode", post.getGraphSubcode());
        error.put("fbtraceId", post.getFbtraceId());
        error.put("attempts", post.getAttempts());
        error.put("mediaRetries", post.getMediaRetries());
        error.put("replays", post.getReplays());
        error.put("containerId", post.getContainerId());
        error.put("graphError", parsedOrRaw(post.getErrorDetail()));
        error.put("receivedAt", post.getReceivedAt());
        error.put("failedAt", post.getFailedAt());
        file(post, WatchFolderLayout.FAILED, ".error.json", error);
    }

    private static Map<String, Object> outcomeOf(Post post) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("postId", post.getId());
        outcome.put("account", post.getAccount());
        outcome.put("state", post.getState());
        outcome.put("type", post.getPostType());
        outcome.put("originalName", post.getOriginalName());
        outcome.put("contentSha256", post.getContentHash());
        return outcome;
    }

    /** For files refused before they became posts (duplicates, bad sidecars): same folder, same shape. */
    public void setAsideAtIntake(Path media, String sidecarPath, Path watchFolder, String account, String code,
            String message, String contentHash, Map<String, Object> details) throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("postId", null);
        error.put("account", account);
        error.put("code", code);
        error.put("message", message);
        error.put("originalName", media.getFileName().toString());
        error.put("contentSha256", contentHash);
        error.putAll(details);
        error.put("failedAt", lifecycle.now());
        Path target = watchFolder.resolve(WatchFolderLayout.FAILED);
        String base = moveAside(media, sidecarPath == null ? null : Path.of(sidecarPath), target, null);
        writeJson(target.resolve(base + ".error.json"), error);
    }

    private void file(Post post, String folder, String suffix, Map<String, Object> content) throws IOException {
        Path original = Path.of(post.getOriginalPath());
        Path sidecar = post.getSidecarPath() == null ? null : Path.of(post.getSidecarPath());
        Path inFlightDir = original.getParent();
        Path target = WatchFolderLayout.watchFolderOfInFlight(original).resolve(folder);
        // A run that crashed after filing but before the ledger recorded it must not file a second outcome.
        String base = Files.exists(original) ? null : filedBaseName(target, suffix, post.getId());
        if (base == null) {
            base = moveAside(original, sidecar, target, post.getId());
            writeJson(target.resolve(base + suffix), content);
        }
        fileCover(post, target, base);
        // Where the files went, so a dead letter can be inspected and replayed without searching for it.
        post.setArchivedOriginalPath(existing(target.resolve(base + extensionOf(original))));
        post.setArchivedSidecarPath(sidecar == null ? null : existing(target.resolve(base + extensionOf(sidecar))));
        // A failed post keeps its prepared media: a replay re-creates its container from it (a discard deletes it).
        if (!PostState.FAILED.name().equals(post.getState())) {
            preparedMedia.discard(post);
        }
        lifecycle.archived(post);
        try (Stream<Path> left = Files.list(inFlightDir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(inFlightDir);
            }
        } catch (java.nio.file.NoSuchFileException alreadyGone) {
            // filed on an earlier run
        }
    }

    /** A reel's cover goes with its video, as {@code <base>.cover.jpg}. */
    private static void fileCover(Post post, Path target, String base) throws IOException {
        if (post.getCoverOriginalPath() == null || !Files.exists(Path.of(post.getCoverOriginalPath()))) {
            return;
        }
        Path cover = Path.of(post.getCoverOriginalPath());
        String name = cover.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path filed = target.resolve(base + ".cover" + (dot > 0 ? name.substring(dot) : ""));
        post.setCoverOriginalPath(Files.move(cover, filed, StandardCopyOption.ATOMIC_MOVE).toString());
    }

    private static String existing(Path path) {
        return Files.exists(path) ? path.toString() : null;
    }

    /** {@code sunset.jpg} → {@code .jpg}: what {@link #moveAside} keeps of a name when it picks a free base name. */
    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(SidecarReader.baseName(name).length());
    }

    /** Moves media and sidecar into {@code target} under one free base name; returns that base name. */
    private String moveAside(Path media, Path sidecar, Path target, String postId) throws IOException {
        Files.createDirectories(target);
        String fileName = media.getFileName().toString();
        String base = SidecarReader.baseName(fileName);
        String extension = fileName.substring(base.length());
        String chosen = base;
        int attempt = 0;
        while (taken(target, chosen, extension, sidecar)) {
            attempt++;
            String suffix = postId != null && attempt == 1 ? postId.substring(0, 8) : String.valueOf(System.nanoTime());
            chosen = base + "-" + suffix;
        }
        if (Files.exists(media)) {
            Files.move(media, target.resolve(chosen + extension), StandardCopyOption.ATOMIC_MOVE);
        }
        if (sidecar != null && Files.exists(sidecar)) {
            String sidecarName = sidecar.getFileName().toString();
            Files.move(sidecar, target.resolve(chosen + sidecarName.substring(SidecarReader.baseName(sidecarName).length())),
                    StandardCopyOption.ATOMIC_MOVE);
        }
        return chosen;
    }

    /** The base name under which this post's outcome was already filed in {@code target}, or null. */
    private String filedBaseName(Path target, String suffix, String postId) throws IOException {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> outcomes = Files.list(target)) {
            return outcomes.filter(p -> p.getFileName().toString().endsWith(suffix)).filter(p -> {
                try {
                    return postId.equals(json.readTree(p.toFile()).path("postId").asText(null));
                } catch (IOException unreadable) {
                    return false;
                }
            }).map(p -> {
                String name = p.getFileName().toString();
                return name.substring(0, name.length() - suffix.length());
            }).findFirst().orElse(null);
        }
    }

    private static boolean taken(Path target, String base, String extension, Path sidecar) {
        if (Files.exists(target.resolve(base + extension)) || Files.exists(target.resolve(base + ".result.json"))
                || Files.exists(target.resolve(base + ".error.json"))) {
            return true;
        }
        if (sidecar != null) {
            String name = sidecar.getFileName().toString();
            return Files.exists(target.resolve(base + name.substring(SidecarReader.baseName(name).length())));
        }
        return false;
    }

    private Map<String, Object> timings(Post post) {
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("receivedAt", post.getReceivedAt());
        timings.put("preparedAt", post.getPreparedAt());
        timings.put("containerCreatedAt", post.getContainerCreatedAt());
        timings.put("containerFinishedAt", post.getContainerFinishedAt());
        timings.put("publishStartedAt", post.getPublishStartedAt());
        timings.put("publishedAt", post.getPublishedAt());
        timings.put("prepareMillis", millis(post.getReceivedAt(), post.getPreparedAt()));
        timings.put("containerWaitMillis", millis(post.getContainerCreatedAt(), post.getContainerFinishedAt()));
        timings.put("publishMillis", millis(post.getPublishStartedAt(), post.getPublishedAt()));
        timings.put("totalMillis", millis(post.getReceivedAt(), post.getPublishedAt()));
        return timings;
    }

    private static Long millis(OffsetDateTime from, OffsetDateTime to) {
        return from == null || to == null ? null : Duration.between(from, to).toMillis();
    }

    private Object parsedOrRaw(String detail) {
        if (detail == null) {
            return null;
        }
        try {
            return json.readTree(detail);
        } catch (IOException notJson) {
            return detail;
        }
    }

    private void writeJson(Path path, Object content) throws IOException {
        Path temp = path.resolveSibling(path.getFileName() + ".tmp");
        json.writeValue(temp.toFile(), content);
        Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
