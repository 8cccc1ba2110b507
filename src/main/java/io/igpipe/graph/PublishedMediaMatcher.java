package io.igpipe.graph;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.igpipe.ledger.Post;
import org.springframework.stereotype.Component;

/**
 * Finds the media a post's lost media_publish answer created, among the account's recent media: same
 * caption, published no earlier than shortly before our call. Meta's container does not name its media,
 * so this is the documented way back (graph-api.md pitfall 10).
 */
@Component("publishedMediaMatcher")
public class PublishedMediaMatcher {

    private static final DateTimeFormatter GRAPH_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @SuppressWarnings("unchecked")
    public String mediaIdOf(Post post, Map<String, Object> page) {
        Object data = page.get("data");
        if (!(data instanceof List<?> media)) {
            return null;
        }
        OffsetDateTime notBefore = post.getPublishStartedAt() == null ? null : post.getPublishStartedAt().minus(CLOCK_SKEW);
        String caption = post.getCaption() == null ? "" : post.getCaption();
        String match = null;
        for (Object item : media) {
            Map<String, Object> entry = (Map<String, Object>) item;
            String itemCaption = entry.get("caption") == null ? "" : String.valueOf(entry.get("caption"));
            if (!Objects.equals(caption, itemCaption) || !publishedAfter(entry.get("timestamp"), notBefore)) {
                continue;
            }
            // Newest first: keep walking so the earliest match after our call wins.
            match = String.valueOf(entry.get("id"));
        }
        return match;
    }

    private static boolean publishedAfter(Object timestamp, OffsetDateTime notBefore) {
        if (notBefore == null || timestamp == null) {
            return true;
        }
        try {
            return !OffsetDateTime.parse(String.valueOf(timestamp), GRAPH_TIMESTAMP).isBefore(notBefore);
        } catch (RuntimeException unparseable) {
            return true;
        }
    }
}
