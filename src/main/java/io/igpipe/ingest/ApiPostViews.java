package io.igpipe.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.ledger.DeadLetters;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostItem;
import io.igpipe.ledger.PostState;
import io.igpipe.ledger.PostType;
import io.igpipe.ledger.SqlFiles;
import org.springframework.jdbc.core.BeanPropertyRowMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Posts as the API shows them: GET /posts/{id} and the keyset-paginated GET /posts. The dead-letter view (state,
 * attempts, the last error) is extended with what the post types brought: type, schedule, carousel items,
 * cancellation and deletion times.
 */
@Component("apiPostViews")
public class ApiPostViews {

    private static final String CURSOR_VERSION = "v1";

    private final DeadLetters deadLetters;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApiSettings.Listing listing;
    private final RowMapper<Post> posts = new BeanPropertyRowMapper<>(Post.class);
    private final RowMapper<PostItem> items = new BeanPropertyRowMapper<>(PostItem.class);
    private final ObjectMapper json = new ObjectMapper();

    public ApiPostViews(DeadLetters deadLetters, NamedParameterJdbcTemplate jdbc, ApiSettings settings) {
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.listing = settings.getListing();
    }

    public static String statusUrl(String id) {
        return "/api/v1/posts/" + id;
    }

    public Map<String, Object> describe(String id) {
        return view(require(id));
    }

    /** The post, or 404. */
    public Post require(String id) {
        return deadLetters.require(id);
    }

    /** One page, newest first; {@code nextCursor} continues after its last post and is null on the last page. */
    public Map<String, Object> list(String status, String account, String cursor, String limit) {
        int pageSize = pageSize(limit);
        Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor);
        List<Post> rows = jdbc.query(SqlFiles.load("api/list-posts.sql"), new MapSqlParameterSource()
                .addValue("status", stateFilter(status))
                .addValue("account", account == null || account.isBlank() ? null : account)
                .addValue("cursorAt", after == null ? null : after.receivedAt())
                .addValue("cursorId", after == null ? null : after.id())
                .addValue("limit", pageSize + 1), posts);
        List<Post> page = rows.subList(0, Math.min(pageSize, rows.size()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("posts", page.stream().map(this::view).toList());
        Post last = page.isEmpty() ? null : page.get(page.size() - 1);
        answer.put("nextCursor", rows.size() > pageSize ? new Cursor(last.getReceivedAt(), last.getId()).encode() : null);
        return answer;
    }

    Map<String, Object> view(Post post) {
        Map<String, Object> view = deadLetters.view(post);
        // Instagram's permalink is not recorded in the ledger (yet): the media id finds the post
        view.put("permalink", null);
        view.put("items", PostType.CAROUSEL.name().equals(post.getPostType()) ? itemsOf(post.getId()) : null);
        return view;
    }

    private List<Map<String, Object>> itemsOf(String postId) {
        return jdbc.query(SqlFiles.load("api/post-items.sql"), new MapSqlParameterSource("postId", postId), items)
                .stream().map(item -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("position", item.getPosition());
                    view.put("mediaType", item.getMediaType());
                    view.put("originalName", item.getOriginalName());
                    view.put("altText", item.getAltText());
                    view.put("userTags", parsedTags(item.getUserTags()));
                    view.put("containerId", item.getContainerId());
                    view.put("errorCode", item.getErrorCode());
                    return view;
                }).toList();
    }

    private Object parsedTags(String userTags) {
        try {
            return userTags == null ? null : json.readValue(userTags, List.class);
        } catch (IOException notJson) {
            return null;
        }
    }

    private int pageSize(String limit) {
        if (limit == null || limit.isBlank()) {
            return listing.getDefaultLimit();
        }
        try {
            int size = Integer.parseInt(limit.strip());
            if (size >= 1 && size <= listing.getMaxLimit()) {
                return size;
            }
        } catch (NumberFormatException notNumber) {
            // refused below, with the range
        }
        throw new ApiException(ApiErrorCode.INVALID_PARAM, "limit must be a whole number from 1 to "
                + listing.getMaxLimit() + ".");
    }

    private static String stateFilter(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(PostState.values()).map(Enum::name).filter(status.strip()::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new ApiException(ApiErrorCode.INVALID_PARAM, "status '" + status + "' is not one of "
                        + Arrays.toString(PostState.values()) + "."));
    }

    /** Where a page ended: opaque to clients (base64url), exact to the ledger's timestamp precision. */
    record Cursor(OffsetDateTime receivedAt, String id) {

        String encode() {
            String plain = CURSOR_VERSION + "|" + receivedAt + "|" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8)
                        .split("\\|", 3);
                if (parts.length == 3 && parts[0].equals(CURSOR_VERSION)) {
                    return new Cursor(OffsetDateTime.parse(parts[1]), parts[2]);
                }
            } catch (IllegalArgumentException | DateTimeParseException malformed) {
                // refused below
            }
            throw new ApiException(ApiErrorCode.INVALID_PARAM, "cursor is not one this API gave out; pass "
                    + "nextCursor from the previous page unchanged.");
        }
    }
}
