package io.igpipe.graph.sandbox;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out 17-digit ids like Meta's ({@code 17889455560051444}). Containers and media draw from the same
 * sequence, so a media id can never equal a container id. Steps are irregular because real ids are not
 * consecutive and a client must not rely on that.
 */
final class IdSequence {

    private static final long FIRST = 17_841_400_000_000_000L;

    private final AtomicLong last = new AtomicLong(FIRST + ThreadLocalRandom.current().nextLong(1_000_000_000L));

    String next() {
        return Long.toString(last.addAndGet(1 + ThreadLocalRandom.current().nextInt(997)));
    }

    /** Keeps ids issued before a restart from being issued again. */
    void advancePast(String id) {
        try {
            long value = Long.parseLong(id);
            last.accumulateAndGet(value, Math::max);
        } catch (NumberFormatException ignored) {
            // Not one of ours; it cannot collide with a numeric id.
        }
    }
}
