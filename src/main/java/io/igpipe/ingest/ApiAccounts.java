package io.igpipe.ingest;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.AccountStates;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.SqlFiles;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * GET /api/v1/accounts: each configured account as the ledger's {@code account_state} has it. The token itself is
 * never shown, only whether it works (ok, or paused with the code and reason Meta gave, already redacted).
 */
@Component("apiAccounts")
public class ApiAccounts {

    private final IgpipeProperties properties;
    private final AccountStates accountStates;
    private final NamedParameterJdbcTemplate jdbc;
    private final PostLifecycle lifecycle;

    public ApiAccounts(IgpipeProperties properties, AccountStates accountStates, NamedParameterJdbcTemplate jdbc,
            PostLifecycle lifecycle) {
        this.properties = properties;
        this.accountStates = accountStates;
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
    }

    public Map<String, Object> accounts() {
        Map<String, Long> waiting = new HashMap<>();
        jdbc.queryForList(SqlFiles.load("api/posts-waiting-by-account.sql"), Map.of()).forEach(row ->
                waiting.put(String.valueOf(value(row, "account")), ((Number) value(row, "waiting")).longValue()));
        List<Map<String, Object>> accounts = properties.getAccounts().stream()
                .map(account -> view(account, accountStates.find(account.getName()),
                        waiting.getOrDefault(account.getName(), 0L)))
                .toList();
        return Map.of("accounts", accounts);
    }

    private Map<String, Object> view(IgpipeProperties.Account account, Map<String, Object> state, long postsWaiting) {
        OffsetDateTime now = lifecycle.now();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", account.getName());
        view.put("igUserId", account.getIgUserId());
        Map<String, Object> token = new LinkedHashMap<>();
        boolean paused = state.get("paused_at") != null;
        token.put("state", paused ? "paused" : "ok");
        token.put("pausedAt", text(state.get("paused_at")));
        token.put("code", state.get("pause_code"));
        token.put("reason", state.get("pause_reason"));
        token.put("refreshedAt", text(state.get("token_refreshed_at")));
        view.put("token", token);
        Map<String, Object> quota = new LinkedHashMap<>();
        Integer used = integer(state.get("quota_used"));
        Integer total = integer(state.get("quota_total"));
        quota.put("used", used);
        quota.put("total", total);
        quota.put("left", used == null || total == null ? null : Math.max(0, total - used));
        quota.put("windowSeconds", state.get("quota_window_seconds"));
        quota.put("checkedAt", text(state.get("quota_checked_at")));
        view.put("quota", quota);
        OffsetDateTime callsHeldUntil = time(state.get("hold_until"));
        boolean callsHeld = callsHeldUntil != null && callsHeldUntil.isAfter(now);
        view.put("heldUntil", text(laterInFuture(now, callsHeldUntil, time(state.get("publish_hold_until")))));
        view.put("holdReason", callsHeld ? state.get("hold_reason") : null);
        view.put("usagePercent", state.get("usage_percent"));
        view.put("postsWaiting", postsWaiting);
        return view;
    }

    /** The account's Graph calls or publishing are held until the later of the two holds still ahead. */
    private static OffsetDateTime laterInFuture(OffsetDateTime now, OffsetDateTime calls, OffsetDateTime publishing) {
        OffsetDateTime later = null;
        for (OffsetDateTime hold : new OffsetDateTime[] {calls, publishing}) {
            if (hold != null && hold.isAfter(now) && (later == null || hold.isAfter(later))) {
                later = hold;
            }
        }
        return later;
    }

    private static Object value(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value != null ? value : row.get(column.toUpperCase(Locale.ROOT));
    }

    private static Integer integer(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }

    private static OffsetDateTime time(Object value) {
        // H2 answers OffsetDateTime for TIMESTAMP WITH TIME ZONE; other drivers may answer a Timestamp
        return value instanceof Timestamp timestamp ? timestamp.toInstant().atOffset(ZoneOffset.UTC)
                : value instanceof OffsetDateTime time ? time : null;
    }

    private static String text(Object value) {
        OffsetDateTime time = time(value);
        return time == null ? null : time.toString();
    }
}
