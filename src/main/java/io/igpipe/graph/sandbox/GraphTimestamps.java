package io.igpipe.graph.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Graph writes times as {@code 2026-11-22T01:23:45+0000}: no fraction, offset without a colon. */
final class GraphTimestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    private GraphTimestamps() {
    }

    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
