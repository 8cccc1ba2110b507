package io.igpipe.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.igpipe.IgpipeProperties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Against the real schema (Flyway on an in-memory H2): only the lease holder extends a lease, never shortening it. */
class PostLeasesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final PostLifecycle lifecycle = new PostLifecycle(Clock.fixed(NOW, ZoneOffset.UTC), new IgpipeProperties());
    private NamedParameterJdbcTemplate jdbc;
    private PostLeases leases;
    private Post post;

    @BeforeEach
    void ledgerWithOneClaimedPost() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:leases-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new NamedParameterJdbcTemplate(dataSource);
        leases = new PostLeases(jdbc, lifecycle);
        post = lifecycle.newPost("demo", "WATCH_FOLDER", "clip.mp4", "hash");
        post.setOriginalPath("/watch/demo/.inflight/" + post.getId() + "/clip.mp4");
        new PostRecords(jdbc).insert(post);
        post.setLeaseToken("worker-token");
        jdbc.update("UPDATE post SET lease_token = :token, lease_until = :until WHERE id = :id", new MapSqlParameterSource()
                .addValue("token", "worker-token").addValue("until", at(NOW.plusSeconds(300))).addValue("id", post.getId()));
    }

    @Test
    void theHolderKeepsItsPostForALongStep() {
        leases.holdFor(post, Duration.ofMinutes(12));

        assertThat(leaseUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(12)));
    }

    @Test
    void aLeaseIsNeverShortened() {
        leases.holdFor(post, Duration.ofMinutes(1));

        assertThat(leaseUntil()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void aWorkerThatLostTheLeaseExtendsNothing() {
        post.setLeaseToken("an-older-token");

        leases.holdFor(post, Duration.ofMinutes(12));

        assertThat(leaseUntil()).isEqualTo(NOW.plusSeconds(300));
    }

    private Instant leaseUntil() {
        return jdbc.queryForObject("SELECT lease_until FROM post WHERE id = :id",
                new MapSqlParameterSource("id", post.getId()), OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
