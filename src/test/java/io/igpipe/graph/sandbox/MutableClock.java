package io.igpipe.graph.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves forward by hand, so 24-hour windows pass in no time. */
final class MutableClock extends Clock {

    static final Instant START = Instant.parse("2026-11-22T01:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the sandbox works in UTC");
    }
}
