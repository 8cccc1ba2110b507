package io.igpipe.graph;

import java.time.Duration;
import java.time.OffsetDateTime;

/** content_publishing_limit says the account has no publish left in its rolling window. */
public class PublishQuotaSpentException extends RuntimeException {

    private final Duration window;
    private final OffsetDateTime windowStart;

    public PublishQuotaSpentException(int usage, int total, Duration window, OffsetDateTime now) {
        super("Publishing quota spent: " + usage + " of " + total + " posts in the last " + window.toHours() + " h");
        this.window = window;
        this.windowStart = now.minus(window);
    }

    public Duration getWindow() { return window; }
    public OffsetDateTime getWindowStart() { return windowStart; }
}
