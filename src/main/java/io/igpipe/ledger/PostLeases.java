package io.igpipe.ledger;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Extends the lease of a post before a step that may outlast it. Without this, a transcode longer than
 * {@code pipeline.lease-duration} would let the dispatcher claim the post again mid-work, and the first worker's
 * result would be thrown away (its lease lost) every time, so a long video would never finish.
 */
@Component
public class PostLeases {

    private final NamedParameterJdbcTemplate jdbc;
    private final PostLifecycle lifecycle;

    public PostLeases(NamedParameterJdbcTemplate jdbc, PostLifecycle lifecycle) {
        this.jdbc = jdbc;
        this.lifecycle = lifecycle;
    }

    /** Keeps the post this worker's for at least {@code step} from now. */
    public void holdFor(Post post, Duration step) {
        OffsetDateTime until = lifecycle.now().plus(step);
        jdbc.update(SqlFiles.load("extend-lease.sql"), new MapSqlParameterSource()
                .addValue("id", post.getId())
                .addValue("token", post.getLeaseToken())
                .addValue("until", until));
        post.setLeaseUntil(until);
    }
}
