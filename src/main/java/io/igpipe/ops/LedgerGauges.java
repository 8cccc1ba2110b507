package io.igpipe.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.AccountStates;
import io.igpipe.ledger.PostLifecycle;
import io.igpipe.ledger.PostState;
import io.igpipe.ledger.SqlFiles;
import io.igpipe.ledger.WaitReason;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gauges read from the ledger, so they tell the truth across restarts and instances: posts waiting per reason,
 * unfinished posts per state, dead-letter size, and per account its publishing quota, usage and pause. The
 * {@code refresh-ledger-gauges} route refreshes them; a scrape never queries the database.
 */
@Component("ledgerGauges")
public class LedgerGauges {

    private final NamedParameterJdbcTemplate jdbc;
    private final PostLifecycle lifecycle;
    private final AccountStates accounts;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    public LedgerGauges(NamedParameterJdbcTemplate jdbc, PostLifecycle lifecycle, AccountStates accounts,
            IgpipeProperties properties, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
        this.accounts = accounts;
        for (WaitReason reason : WaitReason.values()) {
            register(meters, "igpipe.posts.waiting", "Posts waiting, by what they wait for", "reason", reason.name());
        }
        for (PostState state : PostState.values()) {
            register(meters, "igpipe.posts.unfinished", "Posts not yet filed away, by state", "state", state.name());
        }
        register(meters, "igpipe.dead.letters", "Dead-lettered posts not discarded", null, null);
        for (IgpipeProperties.Account account : properties.getAccounts()) {
            String name = account.getName();
            register(meters, "igpipe.account.quota.used", "Posts published in the account's quota window", "account", name);
            register(meters, "igpipe.account.quota.left", "Posts the account may still publish in its window", "account", name);
            register(meters, "igpipe.account.usage.percent", "Highest Graph usage percentage last reported", "account", name);
            register(meters, "igpipe.account.paused", "1 while the account is paused for its token", "account", name);
        }
    }

    public void refresh() {
        MapSqlParameterSource now = new MapSqlParameterSource("now", lifecycle.now());
        List<String> seen = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList(SqlFiles.load("metrics/waiting-posts-by-reason.sql"), now)) {
            String key = key("igpipe.posts.waiting", String.valueOf(value(row, "reason")));
            set(key, value(row, "posts"));
            seen.add(key);
        }
        for (Map<String, Object> row : jdbc.queryForList(SqlFiles.load("metrics/unfinished-posts-by-state.sql"), now)) {
            String key = key("igpipe.posts.unfinished", String.valueOf(value(row, "state")));
            set(key, value(row, "posts"));
            seen.add(key);
        }
        values.forEach((key, gauge) -> {
            if ((key.startsWith("igpipe.posts.waiting|") || key.startsWith("igpipe.posts.unfinished|")) && !seen.contains(key)) {
                gauge.set(0);
            }
        });
        set(key("igpipe.dead.letters", null),
                value(jdbc.queryForMap(SqlFiles.load("metrics/dead-letter-count.sql"), now), "posts"));
        for (Map<String, Object> state : accounts.all()) {
            String account = String.valueOf(state.get("account"));
            Object used = state.get("quota_used");
            Object total = state.get("quota_total");
            if (used instanceof Number u && total instanceof Number t) {
                set(key("igpipe.account.quota.used", account), u);
                set(key("igpipe.account.quota.left", account), Math.max(0, t.longValue() - u.longValue()));
            }
            if (state.get("usage_percent") instanceof Number percent) {
                set(key("igpipe.account.usage.percent", account), percent);
            }
            set(key("igpipe.account.paused", account), state.get("paused_at") == null ? 0 : 1);
        }
    }

    private void register(MeterRegistry meters, String name, String description, String tag, String tagValue) {
        AtomicLong holder = values.computeIfAbsent(key(name, tagValue), k -> new AtomicLong());
        Gauge.Builder<AtomicLong> gauge = Gauge.builder(name, holder, AtomicLong::doubleValue).description(description);
        if (tag != null) {
            gauge.tag(tag, tagValue);
        }
        gauge.register(meters);
    }

    private void set(String key, Object value) {
        AtomicLong holder = values.get(key);
        if (holder != null && value instanceof Number number) {
            holder.set(number.longValue());
        }
    }

    private static Object value(Map<String, Object> row, String column) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String key(String name, String tagValue) {
        return name + "|" + (tagValue == null ? "" : tagValue);
    }
}
