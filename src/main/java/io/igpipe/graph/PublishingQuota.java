package io.igpipe.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.igpipe.ledger.AccountStates;
import io.igpipe.ledger.PostLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads {@code content_publishing_limit} before every media_publish: Meta's quota (50 or 100 per rolling
 * 24 h, their pages disagree) is read live, never assumed, and a spent quota means no publish call at all.
 */
@Component("publishingQuota")
public class PublishingQuota {

    private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

    private final PostLifecycle lifecycle;
    private final AccountStates accounts;

    public PublishingQuota(PostLifecycle lifecycle, AccountStates accounts) {
        this.lifecycle = lifecycle;
        this.accounts = accounts;
    }

    /** An answer that says nothing about the quota. */
    public Map<String, Object> unknown() {
        return Map.of();
    }

    @SuppressWarnings("unchecked")
    public void requireRoom(String account, Map<String, Object> limitAnswer) {
        Object data = limitAnswer.get("data");
        if (!(data instanceof List<?> entries) || entries.isEmpty() || !(entries.get(0) instanceof Map<?, ?>)) {
            return; // no numbers to go by: let media_publish answer 9/2207042 if it must
        }
        Map<String, Object> entry = (Map<String, Object>) entries.get(0);
        Integer usage = number(entry.get("quota_usage"));
        Map<String, Object> config = entry.get("config") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        Integer total = number(config.get("quota_total"));
        Integer seconds = number(config.get("quota_duration"));
        Duration window = seconds == null ? DEFAULT_WINDOW : Duration.ofSeconds(seconds);
        if (usage != null && total != null) {
            accounts.recordQuota(account, usage, total, window.toSeconds());
        }
        if (usage != null && total != null && usage >= total) {
            throw new PublishQuotaSpentException(usage, total, window, lifecycle.now());
        }
    }

    private static Integer number(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }
}
