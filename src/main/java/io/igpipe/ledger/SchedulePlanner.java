package io.igpipe.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.igpipe.IgpipeProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Warns when an account's schedule asks for more publishes in one rolling 24 h window than its quota allows.
 * Nothing is refused: the quota gate holds the excess until the window has room (graph-api.md section 3.3), but
 * the user learns at submission time that those posts will be late.
 */
@Component("schedulePlanner")
public class SchedulePlanner {

    private final NamedParameterJdbcTemplate jdbc;
    private final AccountStates accounts;
    private final IgpipeProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    public SchedulePlanner(NamedParameterJdbcTemplate jdbc, AccountStates accounts, IgpipeProperties properties,
            Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Warnings for a post just recorded: empty when its window stays within the quota. */
    public List<String> warningsFor(Post post) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime at = post.getPublishAt() != null ? post.getPublishAt() : now;
        Map<String, Object> state = accounts.find(post.getAccount());
        int quota = state.get("quota_total") instanceof Number total ? total.intValue()
                : properties.getPosts().getPlannerDefaultQuota();
        Duration window = accounts.quotaWindowOf(post.getAccount());
        OffsetDateTime windowStart = at.minus(window);
        Integer planned = jdbc.queryForObject(SqlFiles.load("schedule/posts-in-window.sql"), new MapSqlParameterSource()
                .addValue("account", post.getAccount())
                .addValue("windowStart", windowStart)
                .addValue("windowEnd", at)
                .addValue("includesNow", !windowStart.isAfter(now)), Integer.class);
        if (planned == null || planned <= quota) {
            return List.of();
        }
        meters.counter("igpipe.schedule.over.quota", "account", post.getAccount()).increment();
        return List.of("Account " + post.getAccount() + " has " + planned + " posts to publish in the " + window.toHours()
                + " h up to " + at + ", over its publishing quota of " + quota + "; the excess waits for the quota "
                + "window to free up and publishes late.");
    }
}
