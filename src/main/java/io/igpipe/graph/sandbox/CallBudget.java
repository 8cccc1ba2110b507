package io.igpipe.graph.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The Business Use Case budget of each account: calls counted over a rolling window. Calls refused with 80002
 * are not counted, so {@code estimated_time_to_regain_access} stays true: access returns when the oldest
 * counted call ages out.
 */
final class CallBudget {

    /** The numbers of one X-Business-Use-Case-Usage entry. */
    record Usage(int callCount, int totalCputime, int totalTime, int estimatedTimeToRegainAccess) {
    }

    record Admission(boolean admitted, Usage usage) {
    }

    private final int budget;
    private final Duration window;
    private final Map<String, Deque<Instant>> callsByAccount = new HashMap<>();

    CallBudget(int budget, Duration window) {
        this.budget = budget;
        this.window = window;
    }

    synchronized Admission admit(String igUserId, Instant now) {
        Deque<Instant> calls = callsInWindow(igUserId, now);
        if (calls.size() >= budget) {
            return new Admission(false, usageOf(calls, now));
        }
        calls.addLast(now);
        return new Admission(true, usageOf(calls, now));
    }

    synchronized Usage usage(String igUserId, Instant now) {
        return usageOf(callsInWindow(igUserId, now), now);
    }

    /** The sandbox is one app; its X-App-Usage reports its busiest account. */
    synchronized int busiestPercent(Instant now) {
        int busiest = 0;
        for (String igUserId : callsByAccount.keySet()) {
            busiest = Math.max(busiest, usageOf(callsInWindow(igUserId, now), now).callCount());
        }
        return busiest;
    }

    synchronized void clear() {
        callsByAccount.clear();
    }

    private Deque<Instant> callsInWindow(String igUserId, Instant now) {
        Deque<Instant> calls = callsByAccount.computeIfAbsent(igUserId, id -> new ArrayDeque<>());
        Instant windowStart = now.minus(window);
        while (!calls.isEmpty() && !calls.peekFirst().isAfter(windowStart)) {
            calls.removeFirst();
        }
        return calls;
    }

    private Usage usageOf(Deque<Instant> calls, Instant now) {
        int percent = (int) Math.min(100, calls.size() * 100L / budget);
        // Publishing calls are cheap, so time and CPU stay well below the call count, as Meta reports them.
        int timeShare = percent / 4;
        int minutes = 0;
        if (calls.size() >= budget) {
            Duration untilOldestLeaves = Duration.between(now, calls.peekFirst().plus(window));
            minutes = (int) Math.max(1, (untilOldestLeaves.toSeconds() + 59) / 60);
        }
        return new Usage(percent, timeShare, timeShare, minutes);
    }
}
