package io.igpipe.graph.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** The active fault rules. The first rule that matches a call applies to it and uses up one of its times. */
public final class FaultRules {

    private final List<FaultRule> rules = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);

    /** Adds a rule after the existing ones and returns it with its id. */
    public FaultRule add(FaultRule rule) {
        FaultRule stored = rule.withId("fault-" + nextId.getAndIncrement());
        synchronized (rules) {
            rules.add(stored);
        }
        return stored;
    }

    /** The rules still active, in matching order, with the times they have left. */
    public List<FaultRule> list() {
        synchronized (rules) {
            return List.copyOf(rules);
        }
    }

    public boolean remove(String id) {
        synchronized (rules) {
            return rules.removeIf(rule -> rule.id().equals(id));
        }
    }

    /** Removes every rule; returns how many there were. */
    public int clear() {
        synchronized (rules) {
            int count = rules.size();
            rules.clear();
            return count;
        }
    }

    Optional<FaultRule> consume(EndpointKind kind, String callerIgUserId, String pathObjectId) {
        synchronized (rules) {
            for (ListIterator<FaultRule> it = rules.listIterator(); it.hasNext(); ) {
                FaultRule rule = it.next();
                if (!rule.matches(kind, callerIgUserId, pathObjectId)) {
                    continue;
                }
                if (rule.times() == 1) {
                    it.remove();
                } else if (rule.times() > 1) {
                    it.set(rule.withTimes(rule.times() - 1));
                }
                return Optional.of(rule);
            }
            return Optional.empty();
        }
    }
}
