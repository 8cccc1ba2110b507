package io.igpipe.graph.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The active fault rules. The first rule that matches a call applies to it and uses up one of its times. A rule
 * with a probability matches only when its random draw comes up; otherwise the call goes on to the next rule and
 * the spared rule keeps its times.
 */
public final class FaultRules {

    private final List<FaultRule> rules = new ArrayList<>();
    private final AtomicLong nextId = new AtomicLong(1);
    /** Only used under the {@code rules} lock, so a generator that is not thread-safe will do. */
    private final RandomGenerator random;

    /** Draws for probabilistic rules from a fresh, unpredictable seed. */
    public FaultRules() {
        this(new SplittableRandom());
    }

    /** Draws for probabilistic rules from {@code random}: give it a fixed seed to replay a chaos run. */
    public FaultRules(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

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
        return consume(kind, callerIgUserId, pathObjectId, List.of());
    }

    Optional<FaultRule> consume(EndpointKind kind, String callerIgUserId, String pathObjectId,
                                List<String> mediaUrls) {
        synchronized (rules) {
            for (ListIterator<FaultRule> it = rules.listIterator(); it.hasNext(); ) {
                FaultRule rule = it.next();
                if (!rule.matches(kind, callerIgUserId, pathObjectId, mediaUrls) || !firesThisTime(rule)) {
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

    /**
     * Draws only for matching rules that have a probability, so the sequence a seed produces depends on the calls
     * those rules see and not on unrelated traffic or rules.
     */
    private boolean firesThisTime(FaultRule rule) {
        return rule.probability() == null || random.nextDouble() < rule.probability();
    }
}
