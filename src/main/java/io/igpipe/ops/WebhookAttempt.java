package io.igpipe.ops;

import java.time.OffsetDateTime;

/** The outcome of one delivery attempt, written back by {@code sql/webhook/record-attempt.sql}. */
public final class WebhookAttempt {

    /** Also the {@code outcome} tag of {@code igpipe_webhook_deliveries_total}. */
    public enum Outcome {
        DELIVERED("delivered"), RETRIED("retried"), GAVE_UP("gave_up");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Outcome outcome;
    private final int attempts;
    private final Integer status;
    private final String error;
    private final OffsetDateTime attemptedAt;
    private final OffsetDateTime nextAttemptAt;

    WebhookAttempt(Outcome outcome, int attempts, Integer status, String error, OffsetDateTime attemptedAt,
            OffsetDateTime nextAttemptAt) {
        this.outcome = outcome;
        this.attempts = attempts;
        this.status = status;
        this.error = error;
        this.attemptedAt = attemptedAt;
        this.nextAttemptAt = nextAttemptAt;
    }

    public Outcome getOutcome() { return outcome; }
    public int getAttempts() { return attempts; }
    public Integer getStatus() { return status; }
    public String getError() { return error; }
    public OffsetDateTime getAttemptedAt() { return attemptedAt; }
    /** When the delivery is due again; once closed, when the last attempt was due (so the row keeps its schedule). */
    public OffsetDateTime getNextAttemptAt() { return nextAttemptAt; }
    public OffsetDateTime getDeliveredAt() { return outcome == Outcome.DELIVERED ? attemptedAt : null; }
    public OffsetDateTime getGivenUpAt() { return outcome == Outcome.GAVE_UP ? attemptedAt : null; }
}
