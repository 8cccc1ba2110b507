package io.igpipe.graph;

import java.time.Duration;

/**
 * A Graph API call that did not succeed, parsed once from Meta's error envelope (or from a bare HTTP
 * failure). Routes decide on its fields: category, code, subcode.
 */
public class GraphApiException extends RuntimeException {

    private final String operation;
    private final int httpStatus;
    private final Integer code;
    private final Integer subcode;
    private final Boolean isTransient;
    private final String fbtraceId;
    private final String errorBody;
    private final GraphErrorCategory category;
    private final Duration regainAccessIn;

    public GraphApiException(String operation, int httpStatus, Integer code, Integer subcode, Boolean isTransient,
            String message, String fbtraceId, String errorBody, Duration regainAccessIn) {
        super(describe(operation, httpStatus, code, subcode, message));
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.isTransient = isTransient;
        this.fbtraceId = fbtraceId;
        this.errorBody = errorBody;
        this.category = GraphErrorClassifier.classify(code, subcode, isTransient);
        this.regainAccessIn = regainAccessIn;
    }

    private static String describe(String operation, int httpStatus, Integer code, Integer subcode, String message) {
        StringBuilder text = new StringBuilder("Graph ").append(operation).append(" failed");
        if (code != null) {
            text.append(": code ").append(code);
            if (subcode != null) {
                text.append('/').append(subcode);
            }
        } else {
            text.append(": HTTP ").append(httpStatus);
        }
        if (message != null && !message.isBlank()) {
            text.append(" - ").append(message);
        }
        return text.toString();
    }

    /** Stable error code for files, the ledger and the API, e.g. {@code GRAPH_MEDIA}. */
    public String errorCode() {
        return "GRAPH_" + category.name();
    }

    public boolean isWorthWaiting() { return category.worthWaiting(); }
    public String getOperation() { return operation; }
    public int getHttpStatus() { return httpStatus; }
    public Integer getCode() { return code; }
    public Integer getSubcode() { return subcode; }
    public Boolean getIsTransient() { return isTransient; }
    public String getFbtraceId() { return fbtraceId; }
    /** The error body as received, with any token removed. */
    public String getErrorBody() { return errorBody; }
    public GraphErrorCategory getCategory() { return category; }
    /** From X-Business-Use-Case-Usage, when Meta said how long to wait; null otherwise. */
    public Duration getRegainAccessIn() { return regainAccessIn; }
}
