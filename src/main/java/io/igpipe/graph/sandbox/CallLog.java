package io.igpipe.graph.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Every Graph call in arrival order; the oldest entries go once the log is very long, so a soak run stays bounded. */
final class CallLog {

    static final int CAPACITY = 100_000;

    private final Deque<CallRecord> calls = new ArrayDeque<>();

    synchronized void add(CallRecord call) {
        if (calls.size() == CAPACITY) {
            calls.removeFirst();
        }
        calls.addLast(call);
    }

    synchronized List<CallRecord> all() {
        return List.copyOf(calls);
    }

    synchronized void clear() {
        calls.clear();
    }
}
