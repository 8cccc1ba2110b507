package io.igpipe.ledger;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.igpipe.IgpipeProperties;
import io.igpipe.graph.AccountTokens;
import io.igpipe.ops.WebhookEvents;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What holds an account back, kept in the ledger so every instance sharing it agrees: paused for its token,
 * throttled by Meta, out of publishing quota. Routes ask before each Graph call; a refusal is an
 * {@link AccountOnHoldException}, which makes the post wait without spending an attempt.
 */
@Component("accountStates")
public class AccountStates {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStates.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final PostLifecycle lifecycle;
    private final IgpipeProperties properties;
    private final AccountTokens tokens;
    private final WebhookEvents webhooks;

    public AccountStates(NamedParameterJdbcTemplate jdbc, PostLifecycle lifecycle, IgpipeProperties properties,
            AccountTokens tokens, WebhookEvents webhooks) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.tokens = tokens;
        this.webhooks = webhooks;
    }

    @PostConstruct
    void ensureConfiguredAccounts() {
        for (IgpipeProperties.Account account : properties.getAccounts()) {
            try {
                jdbc.update(SqlFiles.load("account/ensure-account.sql"), params(account.getName()));
            } catch (DuplicateKeyException anotherInstanceWasFirst) {
                // the row exists, which is all this wanted
            }
        }
    }

    /** Before any Graph call for the account. */
    public void requireGraphAccess(String account) {
        Map<String, Object> state = find(account);
        OffsetDateTime now = lifecycle.now();
        if (state.get("paused_at") != null) {
            OffsetDateTime nextCheck = time(state.get("next_token_check_at"));
            throw new AccountOnHoldException(account, WaitReason.ACCOUNT_PAUSED,
                    nextCheck == null || nextCheck.isBefore(now) ? now.plus(properties.getTokens().getCheckInterval()) : nextCheck,
                    "paused: " + state.get("pause_code") + " " + state.get("pause_reason"));
        }
        OffsetDateTime holdUntil = time(state.get("hold_until"));
        if (holdUntil != null && holdUntil.isAfter(now)) {
            throw new AccountOnHoldException(account, WaitReason.RATE_LIMIT, holdUntil, String.valueOf(state.get("hold_reason")));
        }
    }

    /** Before creating a container or publishing: a spent quota holds both (containers expire after 24 h). */
    public void requirePublishSlot(String account) {
        OffsetDateTime until = time(find(account).get("publish_hold_until"));
        if (until != null && until.isAfter(lifecycle.now())) {
            throw new AccountOnHoldException(account, WaitReason.PUBLISH_QUOTA, until, "publishing quota spent");
        }
    }

    /** The account's token or permissions failed: nothing is called for it until a token check succeeds. */
    public void pause(String account, String code, String reason) {
        pause(account, code, reason, null, null);
    }

    /** As {@link #pause(String, String, String)}; the first pause of a run also sends {@code account.paused}. */
    public void pause(String account, String code, String reason, Integer graphCode, Integer graphSubcode) {
        if (jdbc.update(SqlFiles.load("account/start-pause.sql"), pauseParams(account, code, reason)) > 0) {
            LOG.warn("Account {} paused ({}): {}. Its posts wait; configure a valid token to resume.", account, code, reason);
            webhooks.accountPaused(account, reason, graphCode, graphSubcode);
        } else {
            recordPause(account, code, reason);
        }
    }

    /** A token check succeeded: the account publishes again and its waiting posts are due at once. */
    public void resume(String account) {
        jdbc.update(SqlFiles.load("account/resume-account.sql"), params(account));
        wakeWaitingPosts(account, WaitReason.ACCOUNT_PAUSED);
        LOG.info("Account {} resumed: its token works again", account);
    }

    /**
     * Paused accounts whose token should be checked now: their check time came, or the configured token is no
     * longer the one that failed (so a new token resumes the account within one check interval at most).
     */
    public List<String> pausedAccountsDueForTokenCheck() {
        OffsetDateTime now = lifecycle.now();
        List<String> due = new ArrayList<>();
        for (Map<String, Object> state : all()) {
            if (state.get("paused_at") == null) {
                continue;
            }
            String account = (String) state.get("account");
            if (properties.account(account).isEmpty()) {
                continue;
            }
            OffsetDateTime nextCheck = time(state.get("next_token_check_at"));
            String fingerprint = fingerprintOrNull(account);
            boolean tokenChanged = fingerprint != null && !fingerprint.equals(state.get("paused_token_sha256"));
            if (tokenChanged || nextCheck == null || !nextCheck.isAfter(now)) {
                due.add(account);
            }
        }
        return due;
    }

    /** The token check failed again: remember the token that failed and look again after the check interval. */
    public void tokenStillInvalid(String account, Exception reason) {
        recordPause(account, "GRAPH_AUTH", reason.getMessage());
        LOG.info("Account {} stays paused: {}", account, reason.getMessage());
    }

    /** Keeps the first pause reason, remembers which token failed (its digest) and when to check again. */
    private void recordPause(String account, String code, String reason) {
        jdbc.update(SqlFiles.load("account/pause-account.sql"), pauseParams(account, code, reason));
    }

    private MapSqlParameterSource pauseParams(String account, String code, String reason) {
        return params(account)
                .addValue("code", code)
                .addValue("reason", abbreviate(reason))
                .addValue("tokenSha256", fingerprintOrNull(account))
                .addValue("nextCheck", lifecycle.now().plus(properties.getTokens().getCheckInterval()));
    }

    private String fingerprintOrNull(String account) {
        try {
            return tokens.fingerprintOf(account);
        } catch (RuntimeException unreadable) {
            return null; // an unreadable token file: any readable token later counts as a change
        }
    }

    public void tokenRefreshed(String account) {
        jdbc.update(SqlFiles.load("account/record-token-refresh.sql"), params(account));
    }

    /** Holds every Graph call of the account for {@code wait} plus jitter; returns when the hold ends. */
    public OffsetDateTime holdCalls(String account, Duration wait, String reason) {
        OffsetDateTime until = lifecycle.now().plus(withJitter(wait));
        jdbc.update(SqlFiles.load("account/hold-calls.sql"), params(account)
                .addValue("until", until).addValue("reason", abbreviate(reason)));
        return until;
    }

    public void holdPublishing(String account, OffsetDateTime until) {
        jdbc.update(SqlFiles.load("account/hold-publishing.sql"), params(account).addValue("until", until));
    }

    /**
     * Usage from X-Business-Use-Case-Usage after every answer. Past the slow-down threshold the account's calls are
     * spaced by the slow-down interval, so it never reaches Meta's block (which continued calls extend).
     */
    public void recordUsage(String account, int percent) {
        jdbc.update(SqlFiles.load("account/record-usage.sql"), params(account).addValue("percent", percent));
        IgpipeProperties.RateLimit rateLimit = properties.getGraph().getRateLimit();
        if (percent >= rateLimit.getSlowdownThreshold()) {
            holdCalls(account, rateLimit.getSlowdownInterval(),
                    "slowing down: usage at " + percent + "% (threshold " + rateLimit.getSlowdownThreshold() + "%)");
        }
    }

    public void recordQuota(String account, int used, int total, long windowSeconds) {
        jdbc.update(SqlFiles.load("account/record-quota.sql"), params(account)
                .addValue("used", used).addValue("total", total).addValue("windowSeconds", windowSeconds));
    }

    /** How far back the account's publishing quota window reaches: Meta's quota_duration once read, else 24 h. */
    public Duration quotaWindowOf(String account) {
        Object seconds = find(account).get("quota_window_seconds");
        return seconds instanceof Number n && n.longValue() > 0 ? Duration.ofSeconds(n.longValue()) : Duration.ofHours(24);
    }

    /**
     * Container creations left in the rolling 24 h window; at the cap the post waits until the oldest one
     * ages out.
     */
    public void requireContainerRoom(String account) {
        OffsetDateTime now = lifecycle.now();
        Map<String, Object> window = jdbc.queryForMap(SqlFiles.load("account/count-container-creations.sql"),
                params(account).addValue("windowStart", now.minusHours(24)));
        long created = ((Number) window.get("created")).longValue();
        int cap = properties.getGraph().getContainerCap();
        if (created >= cap) {
            OffsetDateTime oldest = time(window.get("oldest"));
            OffsetDateTime slotFrees = (oldest == null ? now : oldest).plusHours(24).plus(properties.getGraph().getQuotaClockSkew());
            throw new AccountOnHoldException(account, WaitReason.CONTAINER_CAP, slotFrees,
                    created + " containers created in the last 24 h (cap " + cap + ")");
        }
    }

    public Map<String, Object> find(String account) {
        List<Map<String, Object>> rows = jdbc.queryForList(SqlFiles.load("account/find-account.sql"), params(account));
        if (rows.isEmpty()) {
            throw new IllegalStateException("Account '" + account + "' has no state row: is it configured?");
        }
        return lowerCaseKeys(rows.get(0));
    }

    public List<Map<String, Object>> all() {
        return jdbc.queryForList(SqlFiles.load("account/all-accounts.sql"), Map.of()).stream()
                .map(AccountStates::lowerCaseKeys).toList();
    }

    private void wakeWaitingPosts(String account, WaitReason reason) {
        jdbc.update(SqlFiles.load("account/wake-waiting-posts.sql"), params(account).addValue("reason", reason.name()));
    }

    private Duration withJitter(Duration wait) {
        double jitter = properties.getGraph().getRateLimit().getJitter();
        return wait.plusMillis((long) (wait.toMillis() * jitter * ThreadLocalRandom.current().nextDouble()));
    }

    private MapSqlParameterSource params(String account) {
        return new MapSqlParameterSource("account", account).addValue("now", lifecycle.now());
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> lower = new java.util.LinkedHashMap<>();
        row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }

    static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
