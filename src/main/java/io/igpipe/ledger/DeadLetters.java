package io.igpipe.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.IgpipeProperties;
import io.igpipe.ingest.ApiException;
import io.igpipe.ingest.SidecarReader;
import io.igpipe.ingest.WatchFolderLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead-letter store, as the HTTP API ({@code routes/api.camel.yaml}) shows it: posts that failed for good
 * ({@code FAILED}, filed into {@code .failed/}), each of which can be replayed into the pipeline or discarded.
 * <p>
 * A replay never loses a file and never publishes twice: it takes the post with a lease, moves its files back in
 * flight, then makes the one guarded ledger write that hands the post to the dispatcher; if that write is refused
 * the files go back to {@code .failed/}. A post whose {@code media_publish} had started re-enters at
 * {@code PUBLISHING}, where the container's status is read first (a publish that happened is recovered).
 */
@Component("deadLetters")
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final String ERROR_SUFFIX = ".error.json";
    /** How long a client should wait for a post that is still being filed into .failed/. */
    private static final long FILING_RETRY_SECONDS = 2;

    private final NamedParameterJdbcTemplate jdbc;
    private final PostLifecycle lifecycle;
    private final PreparedMedia preparedMedia;
    private final IgpipeProperties properties;
    private final RowMapper<Post> posts = new BeanPropertyRowMapper<>(Post.class);
    private final ObjectMapper json = new ObjectMapper();

    public DeadLetters(NamedParameterJdbcTemplate jdbc, PostLifecycle lifecycle, PreparedMedia preparedMedia,
            IgpipeProperties properties) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.preparedMedia = preparedMedia;
        this.properties = properties;
    }

    /** Any post, dead-lettered or not. */
    /** Dead-lettered posts not discarded, newest failure first; all accounts when {@code account} is null. */
    public List<Map<String, Object>> deadLetters(String account) {
        String filter = account == null || account.isBlank() ? null : account;
        return jdbc.query(SqlFiles.load("api/dead-letters.sql"), new MapSqlParameterSource("account", filter), posts)
                .stream().map(this::view).toList();
    }

    /** Puts a dead-lettered post back into the pipeline at the stage its failure allows. */
    public Map<String, Object> replay(String id) {
        Post post = require(id);
        refuseUnlessDeadLetter(post, "replayed");
        String token = UUID.randomUUID().toString();
        claim(post, token);
        boolean replayed = false;
        try {
            post = require(id);
            PostState reentry = reentryOf(post);
            refuseIfContentIsLive(post);
            List<FileMove> moves = planMoves(post, reentry);
            move(moves);
            try {
                int updated = jdbc.update(SqlFiles.load("api/replay-post.sql"), new MapSqlParameterSource()
                        .addValue("id", id).addValue("state", reentry.name()).addValue("token", token)
                        .addValue("now", lifecycle.now()));
                if (updated != 1) {
                    throw new ApiException(409, "BUSY", "Post " + id + " changed while it was being replayed; "
                            + "read it again", null, FILING_RETRY_SECONDS);
                }
            } catch (DuplicateKeyException sameContentLive) {
                undo(moves);
                throw duplicate(post);
            } catch (RuntimeException refused) {
                undo(moves);
                throw refused;
            }
            replayed = true;
            deleteErrorFile(post, moves);
            LOG.info("Post {} replayed from the dead-letter store: re-enters at {} (failed before with {})",
                    id, reentry, post.getErrorCode());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", id);
            answer.put("state", reentry.name());
            answer.put("reentersAt", reentry.name());
            answer.put("statusUrl", statusUrl(id));
            return answer;
        } finally {
            if (!replayed) {
                jdbc.update(SqlFiles.load("api/release-dead-letter.sql"),
                        new MapSqlParameterSource("id", id).addValue("token", token));
            }
        }
    }

    /** Takes a dead-lettered post out of the store for good; its files stay in .failed/, its prepared media goes. */
    public Map<String, Object> discard(String id) {
        Post post = require(id);
        refuseUnlessDeadLetter(post, "discarded");
        OffsetDateTime now = lifecycle.now();
        int updated = jdbc.update(SqlFiles.load("api/discard-post.sql"),
                new MapSqlParameterSource("id", id).addValue("now", now));
        if (updated != 1) {
            throw refusalAfterRace(id, "discarded");
        }
        // An interrupted replay may have left the files in flight: a discarded post keeps them in .failed/.
        undo(planMoves(post, null));
        preparedMedia.discard(post);
        LOG.info("Post {} discarded from the dead-letter store ({})", id, post.getErrorCode());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", id);
        answer.put("state", post.getState());
        answer.put("discardedAt", text(now));
        answer.put("statusUrl", statusUrl(id));
        return answer;
    }

    /**
     * PUBLISHING when media_publish had started on a container (its status decides: recovered if published, never
     * published again); RECEIVED when Instagram refused the media or the prepared file is gone (optimize again);
     * otherwise PREPARED (a new container from the prepared file).
     */
    static PostState reentryOf(Post post) {
        if (post.getPublishStartedAt() != null && post.getContainerId() != null) {
            return PostState.PUBLISHING;
        }
        if ("MEDIA".equals(post.getErrorCategory()) || post.getPreparedPath() == null
                || !Files.isRegularFile(Path.of(post.getPreparedPath()))) {
            return PostState.RECEIVED;
        }
        return PostState.PREPARED;
    }

    /** The post, whatever its state, or 404 NOT_FOUND. */
    public Post require(String id) {
        return find(id).orElseThrow(() -> new ApiException(404, "NOT_FOUND", "No post with id " + id));
    }

    private Optional<Post> find(String id) {
        return jdbc.query(SqlFiles.load("api/find-post.sql"), new MapSqlParameterSource("id", id), posts)
                .stream().findFirst();
    }

    private void claim(Post post, String token) {
        OffsetDateTime now = lifecycle.now();
        int claimed = jdbc.update(SqlFiles.load("api/claim-dead-letter.sql"), new MapSqlParameterSource()
                .addValue("id", post.getId()).addValue("owner", properties.getInstanceId()).addValue("token", token)
                .addValue("leaseUntil", now.plus(properties.getPipeline().getLeaseDuration())).addValue("now", now));
        if (claimed != 1) {
            throw refusalAfterRace(post.getId(), "replayed");
        }
    }

    /** Why a post that looked like a dead letter was not taken: re-read, since it changed or is held. */
    private ApiException refusalAfterRace(String id, String verb) {
        Post now = require(id);
        refuseUnlessDeadLetter(now, verb);
        long wait = now.getLeaseUntil() == null ? FILING_RETRY_SECONDS
                : Math.max(1, Duration.between(lifecycle.now(), now.getLeaseUntil()).toSeconds());
        return new ApiException(409, "BUSY", "Post " + id + " is being replayed or filed right now; try again later",
                null, wait);
    }

    private void refuseUnlessDeadLetter(Post post, String verb) {
        String id = post.getId();
        if (PostState.PUBLISHED.name().equals(post.getState())) {
            throw invalidStatus(post, "Post " + id + " is already published"
                    + (post.getMediaId() == null ? "" : " (media " + post.getMediaId() + ")")
                    + "; it is never published again and cannot be " + verb, null);
        }
        if (!PostState.FAILED.name().equals(post.getState())) {
            throw invalidStatus(post, "Post " + id + " is " + post.getState()
                    + " (still in the pipeline); only a dead-lettered (FAILED) post can be " + verb, null);
        }
        if (post.getDiscardedAt() != null) {
            throw invalidStatus(post, "Post " + id + " was discarded at " + text(post.getDiscardedAt())
                    + "; it cannot be " + verb, null);
        }
        if (post.getArchivedAt() == null) {
            throw invalidStatus(post, "Post " + id + " has just failed and is still being filed into .failed/; "
                    + "try again in a moment", FILING_RETRY_SECONDS);
        }
    }

    private static ApiException invalidStatus(Post post, String message, Long retryAfter) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", post.getState());
        if (post.getDiscardedAt() != null) {
            details.put("discardedAt", text(post.getDiscardedAt()));
        }
        return new ApiException(409, "INVALID_STATUS", message, details, retryAfter);
    }

    private void refuseIfContentIsLive(Post post) {
        if (!liveHolders(post).isEmpty()) {
            throw duplicate(post);
        }
    }

    private List<Post> liveHolders(Post post) {
        return jdbc.query(SqlFiles.load("api/find-live-post-by-content.sql"), new MapSqlParameterSource()
                .addValue("account", post.getAccount()).addValue("contentHash", post.getContentHash())
                .addValue("id", post.getId()), posts);
    }

    private ApiException duplicate(Post post) {
        Optional<Post> live = liveHolders(post).stream().findFirst();
        Map<String, Object> details = new LinkedHashMap<>();
        live.ifPresent(other -> {
            details.put("livePostId", other.getId());
            details.put("liveState", other.getState());
            details.put("liveMediaId", other.getMediaId());
        });
        String holder = live.map(other -> "post " + other.getId() + " (" + other.getState()
                + (other.getMediaId() == null ? "" : ", media " + other.getMediaId()) + ")").orElse("another post");
        return new ApiException(409, "DUPLICATE_CONTENT", "The same content is already live for account "
                + post.getAccount() + " as " + holder + "; post " + post.getId() + " is not replayed", details, null);
    }

    /** A file to bring back in flight: from where the archiver filed it to where the pipeline expects it. */
    private record FileMove(Path filed, Path inFlight) {
    }

    /**
     * The original and the sidecar, from their recorded place in .failed/ back to their in-flight paths. With
     * {@code reentry} RECEIVED the original must exist (it is optimized again); otherwise a missing one only
     * means the outcome file will be written without it.
     */
    private List<FileMove> planMoves(Post post, PostState reentry) {
        Path original = Path.of(post.getOriginalPath());
        Path filedOriginal = post.getArchivedOriginalPath() != null ? Path.of(post.getArchivedOriginalPath())
                : filedBaseName(post).map(base -> failedFolderOf(post).resolve(base + extensionOf(original)))
                        .orElse(null);
        List<FileMove> moves = new ArrayList<>();
        if (filedOriginal != null) {
            moves.add(new FileMove(filedOriginal, original));
        }
        if (post.getSidecarPath() != null) {
            Path sidecar = Path.of(post.getSidecarPath());
            Path filedSidecar = post.getArchivedSidecarPath() != null ? Path.of(post.getArchivedSidecarPath())
                    : filedOriginal == null ? null
                    : filedOriginal.resolveSibling(SidecarReader.baseName(filedOriginal.getFileName().toString())
                            + extensionOf(sidecar));
            if (filedSidecar != null) {
                moves.add(new FileMove(filedSidecar, sidecar));
            }
        }
        boolean originalThere = Files.exists(original) || (filedOriginal != null && Files.exists(filedOriginal));
        if (reentry == PostState.RECEIVED && !originalThere) {
            throw new ApiException(409, "ORIGINAL_MISSING", "Post " + post.getId() + " must be optimized again, but "
                    + "its original is neither in .failed/ nor in flight" + (filedOriginal == null ? ""
                    : " (expected at " + filedOriginal.getFileName() + ")"), null, null);
        }
        return moves;
    }

    /** Moves each filed file back in flight; one found in flight already (an interrupted replay) stays there. */
    private void move(List<FileMove> moves) {
        List<FileMove> done = new ArrayList<>();
        try {
            for (FileMove move : moves) {
                if (Files.exists(move.filed())) {
                    Files.createDirectories(move.inFlight().getParent());
                    Files.move(move.filed(), move.inFlight(), StandardCopyOption.ATOMIC_MOVE);
                }
                done.add(move);
            }
        } catch (IOException e) {
            undo(done);
            throw new UncheckedIOException("Could not move the files of a dead-lettered post back in flight", e);
        }
    }

    /** Puts files back where the archiver filed them; safe to run for files that never moved. */
    private void undo(List<FileMove> moves) {
        for (FileMove move : moves) {
            try {
                if (Files.exists(move.inFlight()) && !Files.exists(move.filed())) {
                    Files.createDirectories(move.filed().getParent());
                    Files.move(move.inFlight(), move.filed(), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                LOG.error("Could not move {} back to {}; it stays in flight", move.inFlight(), move.filed(), e);
            }
        }
        for (FileMove move : moves) {
            try {
                Files.deleteIfExists(move.inFlight().getParent());
            } catch (IOException notEmptyOrGone) {
                // the folder is left as it is
            }
        }
    }

    /** The error file written next to the filed original: the post is live again. Only if it names this post. */
    private void deleteErrorFile(Post post, List<FileMove> moves) {
        Path original = Path.of(post.getOriginalPath());
        Optional<Path> filedOriginal = moves.stream().filter(m -> m.inFlight().equals(original))
                .map(FileMove::filed).findFirst();
        if (filedOriginal.isEmpty()) {
            return;
        }
        Path errorFile = filedOriginal.get().resolveSibling(
                SidecarReader.baseName(filedOriginal.get().getFileName().toString()) + ERROR_SUFFIX);
        try {
            if (Files.exists(errorFile)
                    && post.getId().equals(json.readTree(errorFile.toFile()).path("postId").asText(null))) {
                Files.delete(errorFile);
            }
        } catch (IOException e) {
            LOG.warn("Post {} replayed, but its old error file {} could not be removed", post.getId(), errorFile, e);
        }
    }

    /** For posts filed before their archived paths were recorded: the error file naming this post in .failed/. */
    private Optional<String> filedBaseName(Post post) {
        Path failed = failedFolderOf(post);
        if (!Files.isDirectory(failed)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(failed)) {
            return files.filter(p -> p.getFileName().toString().endsWith(ERROR_SUFFIX)).filter(p -> {
                try {
                    return post.getId().equals(json.readTree(p.toFile()).path("postId").asText(null));
                } catch (IOException unreadable) {
                    return false;
                }
            }).map(p -> {
                String name = p.getFileName().toString();
                return name.substring(0, name.length() - ERROR_SUFFIX.length());
            }).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path failedFolderOf(Post post) {
        return WatchFolderLayout.watchFolderOfInFlight(Path.of(post.getOriginalPath())).resolve(WatchFolderLayout.FAILED);
    }

    private static String extensionOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(SidecarReader.baseName(name).length());
    }

    private static String statusUrl(String id) {
        return "/api/v1/posts/" + id;
    }

    /**
     * The post as the API shows it, in every answer that shows posts: camelCase, timestamps as ISO-8601 text, the
     * Graph error body parsed.
     */
    public Map<String, Object> view(Post post) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", post.getId());
        view.put("account", post.getAccount());
        view.put("state", post.getState());
        view.put("type", post.getPostType());
        view.put("originalName", post.getOriginalName());
        view.put("caption", post.getCaption());
        view.put("mediaId", post.getMediaId());
        view.put("containerId", post.getContainerId());
        view.put("attempts", post.getAttempts());
        view.put("replays", post.getReplays());
        view.put("waitReason", post.getWaitReason());
        view.put("nextAttemptAt", text(post.getNextAttemptAt()));
        view.put("receivedAt", text(post.getReceivedAt()));
        view.put("publishedAt", text(post.getPublishedAt()));
        view.put("failedAt", text(post.getFailedAt()));
        view.put("discardedAt", text(post.getDiscardedAt()));
        view.put("publishAt", text(post.getPublishAt()));
        view.put("cancelledAt", text(post.getCancelledAt()));
        view.put("deletedAt", text(post.getDeletedAt()));
        Map<String, Object> error = null;
        if (post.getErrorCode() != null) {
            error = new LinkedHashMap<>();
            error.put("stage", post.getFailedStage());
            error.put("category", post.getErrorCategory());
            error.put("code", post.getErrorCode());
            error.put("graphCode", post.getGraphCode());
            error.put("graphSubcode", post.getGraphSubcode());
            error.put("message", post.getErrorMessage());
            error.put("fbtraceId", post.getFbtraceId());
            error.put("detail", parsedOrRaw(post.getErrorDetail()));
        }
        view.put("error", error);
        return view;
    }

    private Object parsedOrRaw(String detail) {
        if (detail == null) {
            return null;
        }
        try {
            return json.readValue(detail, Object.class);
        } catch (IOException notJson) {
            return detail;
        }
    }

    private static String text(OffsetDateTime time) {
        return time == null ? null : time.toString();
    }
}
