package io.igpipe.ops;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: exponential backoff from {@code initial-backoff}, times {@code multiplier}
 * per attempt, capped at {@code max-backoff}, plus up to {@code jitter} of it at random so deliveries that failed
 * together (a receiver that was down) do not all come back at the same instant.
 */
public class WebhookRetryPolicy {

    private final WebhookProperties properties;

    public WebhookRetryPolicy(WebhookProperties properties) {
        this.properties = properties;
    }

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= properties.getMaxAttempts();
    }

    /** The wait after the {@code attemptsMade}-th failed attempt (1 for the first). */
    public Duration delayAfter(int attemptsMade) {
        double initial = properties.getInitialBackoff().toMillis();
        double grown = initial * Math.pow(properties.getMultiplier(), Math.max(0, attemptsMade - 1));
        long capped = (long) Math.min(grown, properties.getMaxBackoff().toMillis());
        long jitter = (long) (capped * properties.getJitter() * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(capped + jitter);
    }
}
