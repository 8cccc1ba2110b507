package io.igpipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.igpipe.FileTrees;
import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.AccountStates;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostItem;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PostRecords;
import io.igpipe.ledger.SchedulePlanner;
import io.igpipe.ledger.SqlFiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records posts submitted through the HTTP API. Their files live like a watch folder's, under
 * {@code <data-dir>/api/<account>/}: in flight in {@code .inflight/<post-id>/}, then filed in {@code .published/},
 * {@code .failed/} or {@code .cancelled/}, so the pipeline treats both entry points alike.
 */
@Component("postSubmissions")
public class PostSubmissions {

    /** Who submitted a post and with which Idempotency-Key (both may be null). */
    public record ApiOrigin(String apiKeyId, String idempotencyKey, String requestFingerprint) {
    }

    /** The recorded post and what the caller should know about it (e.g. its day's schedule exceeds the quota). */
    public record Submission(Post post, List<String> warnings) {
    }

    private static final BeanPropertyRowMapper<Post> POST_ROWS = BeanPropertyRowMapper.newInstance(Post.class);

    private final PostDraftRules rules;
    private final DraftMedia media;
    private final PostLifecycle lifecycle;
    private final PostRecords records;
    private final AccountStates accounts;
    private final SchedulePlanner planner;
    private final NamedParameterJdbcTemplate jdbc;
    private final Path apiRoot;

    public PostSubmissions(PostDraftRules rules, DraftMedia media, PostLifecycle lifecycle, PostRecords records,
            AccountStates accounts, SchedulePlanner planner, NamedParameterJdbcTemplate jdbc,
            IgpipeProperties properties) {
        this.rules = rules;
        this.media = media;
        this.lifecycle = lifecycle;
        this.records = records;
        this.accounts = accounts;
        this.planner = planner;
        this.jdbc = jdbc;
        this.apiRoot = properties.getDataDir().resolve("api").toAbsolutePath().normalize();
    }

    /**
     * Checks the draft, moves its files into the post's own folder and records it. A repeated Idempotency-Key
     * surfaces as {@link DuplicateKeyException}; content already live for the account as DUPLICATE_CONTENT.
     */
    public Submission submit(PostDraft draft, ApiOrigin origin) throws PostRejectedException, IOException {
        rules.check(draft);
        requireNotPaused(draft.account());
        media.check(draft);
        DraftMedia.Hashed hashed = media.hash(draft);
        Post post = media.newPost(draft, "API", hashed, displayName(draft));
        post.setApiKeyId(origin.apiKeyId());
        post.setIdempotencyKey(origin.idempotencyKey());
        post.setRequestFingerprint(origin.requestFingerprint());

        Path dir = apiRoot.resolve(draft.account()).resolve(WatchFolderLayout.IN_FLIGHT).resolve(post.getId());
        post.setItems(moveInto(dir, draft, post, hashed));
        try {
            records.insert(post);
        } catch (DuplicateKeyException duplicate) {
            deleteQuietly(dir);
            if (origin.idempotencyKey() != null
                    && findByIdempotencyKey(origin.apiKeyId(), origin.idempotencyKey()).isPresent()) {
                throw duplicate;
            }
            throw duplicateContent(post);
        }
        return new Submission(post, planner.warningsFor(post));
    }

    public Optional<Post> findByIdempotencyKey(String apiKeyId, String idempotencyKey) {
        return jdbc.query(SqlFiles.load("find-post-by-idempotency-key.sql"), new MapSqlParameterSource()
                .addValue("apiKeyId", apiKeyId).addValue("idempotencyKey", idempotencyKey), POST_ROWS)
                .stream().findFirst();
    }

    /** An account paused for its token takes no new posts: they would only wait for a re-authorisation. */
    public void requireNotPaused(String account) throws PostRejectedException {
        Map<String, Object> state = accounts.find(account);
        if (state.get("paused_at") != null) {
            throw new PostRejectedException("ACCOUNT_PAUSED", "Account " + account + " is paused ("
                    + state.get("pause_code") + "): its access token must be renewed before it takes new posts.");
        }
    }

    private List<PostItem> moveInto(Path dir, PostDraft draft, Post post, DraftMedia.Hashed hashed) throws IOException {
        Files.createDirectories(dir);
        if (draft.cover() != null) {
            post.setCoverOriginalPath(move(draft.cover(), dir.resolve("cover-" + safeName(draft.cover().getFileName()
                    .toString()))).toString());
        }
        if (draft.items().size() == 1) {
            DraftItem only = draft.items().get(0);
            post.setOriginalPath(move(only.file(), dir.resolve(safeName(only.originalName()))).toString());
            return List.of();
        }
        Path folder = Files.createDirectories(dir.resolve("carousel"));
        post.setOriginalPath(folder.toString());
        List<PostItem> items = new ArrayList<>();
        for (int i = 0; i < draft.items().size(); i++) {
            DraftItem item = draft.items().get(i);
            Path file = move(item.file(), folder.resolve(String.format("%02d-%s", i + 1, safeName(item.originalName()))));
            items.add(DraftMedia.itemOf(i + 1, item, file, hashed.itemHashes().get(i)));
        }
        return items;
    }

    private PostRejectedException duplicateContent(Post post) {
        Post live = jdbc.query(SqlFiles.load("find-live-post-by-hash.sql"), new MapSqlParameterSource()
                .addValue("account", post.getAccount()).addValue("contentHash", post.getContentHash()), POST_ROWS)
                .stream().findFirst().orElse(null);
        return new PostRejectedException("DUPLICATE_CONTENT", "The same content is already "
                + (live == null ? "live" : "post " + live.getId() + " (" + live.getState() + ")")
                + " for account " + post.getAccount() + "; it is not published twice.");
    }

    private static String displayName(PostDraft draft) {
        return draft.items().size() == 1 ? safeName(draft.items().get(0).originalName())
                : "carousel of " + draft.items().size();
    }

    /** The last segment of a submitted name, in characters safe on every file system and in a URL. */
    static String safeName(String submitted) {
        String name = submitted == null ? "" : submitted.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        name = name.replaceAll("^\\.+", "");
        return name.isEmpty() ? "media" : name.length() > 120 ? name.substring(name.length() - 120) : name;
    }

    private static Path move(Path from, Path to) throws IOException {
        return Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException ignored) {
            // leftovers in .inflight of a post that was never recorded are dropped at the next start
        }
    }
}
