package io.igpipe.graph.sandbox;

import java.util.List;

/**
 * A planned misbehaviour of the sandbox: which calls it hits and what happens to them. Build one with
 * {@link #on(EndpointKind)} or {@link #onAnyEndpoint()}; the same model is accepted as JSON by
 * {@code POST /__sandbox/faults}.
 *
 * @param id               assigned when the rule is added
 * @param endpoint         the call kind it applies to; null means any Graph call
 * @param igUserId         only calls for this account (by token owner or path id); null means every account
 * @param mediaUrlContains only calls naming a media URL ({@code image_url}, {@code video_url}, or the
 *                         {@code file_url} of an upload) that contains this text; null means any call. This is how a
 *                         chaos test fails exactly one carousel child: give its URL something unique to match
 * @param times            how many more calls it applies to; -1 until cleared
 * @param probability      chance in (0, 1] that a matching call is hit; null hits every matching call. A call the
 *                         draw spares is not hit and does not use up one of {@code times}, so {@code times(2)}
 *                         still means two faulted calls
 * @param error            the Graph error to answer, or null
 * @param httpStatus       HTTP status of the error, or with no error a bare status (such as 502) with {@code body}
 * @param body             body of a bare status; null gives an HTML error page, "" an empty body
 * @param latencyMs        delay before answering (before the real operation, or after it with afterSuccess)
 * @param afterSuccess     perform the real operation first, then apply latency, error or dropped connection
 * @param dropConnection   close the connection without any HTTP answer
 * @param containerOutcome for CREATE_CONTAINER: the state the container lands in after processing, image or video
 *                         alike (a video is then not judged at all; a resumable one still waits for its upload)
 * @param usage            overrides the numbers of X-Business-Use-Case-Usage on the answers it applies to
 */
public record FaultRule(
        String id,
        EndpointKind endpoint,
        String igUserId,
        String mediaUrlContains,
        int times,
        Double probability,
        FaultError error,
        Integer httpStatus,
        String body,
        Long latencyMs,
        boolean afterSuccess,
        boolean dropConnection,
        ContainerOutcome containerOutcome,
        UsageOverride usage) {

    public static final int UNTIL_CLEARED = -1;

    public FaultRule {
        if (times == 0 || times < UNTIL_CLEARED) {
            throw new IllegalArgumentException("times must be positive, or -1 for until cleared: " + times);
        }
        // Written as "not inside" so that NaN is refused too.
        if (probability != null && !(probability > 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be greater than 0 and at most 1 (omit it to hit "
                    + "every call): " + probability);
        }
        if (httpStatus != null && (httpStatus < 100 || httpStatus > 599)) {
            throw new IllegalArgumentException("httpStatus must be an HTTP status: " + httpStatus);
        }
        if (latencyMs != null && latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs cannot be negative: " + latencyMs);
        }
        if (mediaUrlContains != null && mediaUrlContains.isEmpty()) {
            throw new IllegalArgumentException("mediaUrlContains cannot be empty (omit it to match every call)");
        }
        if (containerOutcome != null && endpoint != null && endpoint != EndpointKind.CREATE_CONTAINER) {
            throw new IllegalArgumentException("containerOutcome only applies to CREATE_CONTAINER");
        }
    }

    /** The error a Graph call answers with. Unset texts are filled with what Graph says for that code/subcode. */
    public record FaultError(int code, Integer subcode, String message, Boolean isTransient, String userTitle,
                             String userMessage) {

        public static FaultError of(int code, Integer subcode) {
            return new FaultError(code, subcode, null, null, null, null);
        }

        GraphError toGraphError(Integer httpStatus) {
            GraphError base = GraphError.known(code, subcode);
            GraphError filled = GraphError.of(code, subcode,
                    message != null ? message : base.message(),
                    isTransient != null ? isTransient : base.isTransient(),
                    userTitle != null ? userTitle : base.userTitle(),
                    userMessage != null ? userMessage : base.userMessage());
            return httpStatus == null ? filled : filled.withHttpStatus(httpStatus);
        }
    }

    /** Numbers to report in X-Business-Use-Case-Usage instead of the real ones; null keeps the real value. */
    public record UsageOverride(Integer callCount, Integer totalCputime, Integer totalTime,
                                Integer estimatedTimeToRegainAccess) {

        public static UsageOverride of(int callCount, int estimatedTimeToRegainAccess) {
            return new UsageOverride(callCount, null, null, estimatedTimeToRegainAccess);
        }
    }

    public static Builder on(EndpointKind endpoint) {
        return new Builder(endpoint);
    }

    public static Builder onAnyEndpoint() {
        return new Builder(null);
    }

    boolean matches(EndpointKind kind, String callerIgUserId, String pathObjectId, List<String> mediaUrls) {
        boolean endpointMatches = endpoint == null || endpoint == kind;
        boolean accountMatches = igUserId == null || igUserId.equals(callerIgUserId) || igUserId.equals(pathObjectId);
        boolean mediaMatches = mediaUrlContains == null || mediaUrls.stream().anyMatch(u -> u.contains(mediaUrlContains));
        return endpointMatches && accountMatches && mediaMatches;
    }

    FaultRule withId(String newId) {
        return new FaultRule(newId, endpoint, igUserId, mediaUrlContains, times, probability, error, httpStatus, body,
                latencyMs, afterSuccess, dropConnection, containerOutcome, usage);
    }

    FaultRule withTimes(int newTimes) {
        return new FaultRule(id, endpoint, igUserId, mediaUrlContains, newTimes, probability, error, httpStatus, body,
                latencyMs, afterSuccess, dropConnection, containerOutcome, usage);
    }

    /** Whether the rule replaces the answer (error or bare status) rather than only delaying or relabelling it. */
    boolean replacesAnswer() {
        return error != null || httpStatus != null;
    }

    public static final class Builder {
        private final EndpointKind endpoint;
        private String igUserId;
        private String mediaUrlContains;
        private int times = 1;
        private Double probability;
        private FaultError error;
        private Integer httpStatus;
        private String body;
        private Long latencyMs;
        private boolean afterSuccess;
        private boolean dropConnection;
        private ContainerOutcome containerOutcome;
        private UsageOverride usage;

        private Builder(EndpointKind endpoint) {
            this.endpoint = endpoint;
        }

        public Builder forAccount(String value) {
            igUserId = value;
            return this;
        }

        /** Only calls whose image_url, video_url or upload file_url contains {@code value}. */
        public Builder forMediaUrlContaining(String value) {
            mediaUrlContains = value;
            return this;
        }

        public Builder times(int value) {
            times = value;
            return this;
        }

        public Builder untilCleared() {
            times = UNTIL_CLEARED;
            return this;
        }

        /** Hits only this share of the matching calls, chosen at random: 0.3 for "a random 30 %". */
        public Builder probability(double value) {
            probability = value;
            return this;
        }

        public Builder error(int code, Integer subcode) {
            error = FaultError.of(code, subcode);
            return this;
        }

        public Builder error(FaultError value) {
            error = value;
            return this;
        }

        public Builder httpStatus(int value) {
            httpStatus = value;
            return this;
        }

        public Builder body(String value) {
            body = value;
            return this;
        }

        public Builder latencyMs(long value) {
            latencyMs = value;
            return this;
        }

        public Builder afterSuccess() {
            afterSuccess = true;
            return this;
        }

        public Builder dropConnection() {
            dropConnection = true;
            return this;
        }

        public Builder containerOutcome(ContainerOutcome value) {
            containerOutcome = value;
            return this;
        }

        public Builder usage(UsageOverride value) {
            usage = value;
            return this;
        }

        public FaultRule build() {
            return new FaultRule(null, endpoint, igUserId, mediaUrlContains, times, probability, error, httpStatus,
                    body, latencyMs, afterSuccess, dropConnection, containerOutcome, usage);
        }
    }
}
