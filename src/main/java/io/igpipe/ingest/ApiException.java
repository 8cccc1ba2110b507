package io.igpipe.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal of the HTTP API ({@code routes/api.camel.yaml}) with the status and stable code it answers with.
 * The routes' {@code api-error-handling} configuration turns it into the error envelope
 * {@code {"code", "error", "details", "retryAfter", "requestId"}}; anything else becomes a 500 {@code INTERNAL_ERROR}.
 */
public class ApiException extends RuntimeException {

    public static final String INTERNAL_ERROR = ApiErrorCode.INTERNAL_ERROR.name();

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final Long retryAfterSeconds;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null, null);
    }

    public ApiException(ApiErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ApiException(ApiErrorCode code, String message, Map<String, Object> details, Long retryAfterSeconds) {
        this(code.status(), code.name(), message, details, retryAfterSeconds);
    }

    public ApiException(int status, String code, String message, Map<String, Object> details, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A refusal by the rules both entry points share, answered with the API error of the same code. */
    public static ApiException of(PostRejectedException rejected) {
        return new ApiException(ApiErrorCode.named(rejected.getCode()).orElse(ApiErrorCode.VALIDATION_ERROR),
                rejected.getMessage());
    }

    public int getStatus() {
        return status;
    }

    public String getCode() {
        return code;
    }

    public Map<String, Object> getDetails() {
        return details;
    }

    public Long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The HTTP status a failure answers with: its own for an API refusal (even wrapped), 500 for anything else. */
    public static int statusOf(Throwable failure) {
        ApiException refusal = refusalIn(failure);
        return refusal == null ? 500 : refusal.status;
    }

    /**
     * The body every API error answers with. An unexpected failure says nothing about its cause (it may name
     * files or SQL); the log has it under the same request id.
     */
    public static Map<String, Object> envelope(Throwable failure, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        ApiException refusal = refusalIn(failure);
        if (refusal != null) {
            body.put("code", refusal.code);
            body.put("error", refusal.getMessage());
            body.put("details", refusal.details);
            body.put("retryAfter", refusal.retryAfterSeconds);
        } else {
            body.put("code", INTERNAL_ERROR);
            body.put("error", "Unexpected error; the log has the details under this request id");
            body.put("details", null);
            body.put("retryAfter", null);
        }
        body.put("requestId", requestId);
        return body;
    }

    /**
     * Headers a refusal answers with besides the envelope: {@code Retry-After} when it names a wait, and the
     * {@code WWW-Authenticate: Bearer} challenge on a 401 (RFC 6750), which says nothing about the key presented.
     */
    public static Map<String, String> replyHeadersOf(Throwable failure) {
        Map<String, String> headers = new LinkedHashMap<>();
        ApiException refusal = refusalIn(failure);
        if (refusal != null && refusal.retryAfterSeconds != null) {
            headers.put("Retry-After", String.valueOf(refusal.retryAfterSeconds));
        }
        if (refusal != null && refusal.status == 401) {
            headers.put("WWW-Authenticate", "Bearer realm=\"igpipe\"");
        }
        return headers;
    }

    private static ApiException refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException refusal) {
                return refusal;
            }
        }
        return null;
    }
}
