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
    private final boolean containerGone;

    /** Expired or unknown containers (graph-api.md 6.2: 24/2207006, -2/2207020): polling cannot help, rebuild. */
    private static final java.util.Set<Integer> CONTAINER_GONE_SUBCODES = java.util.Set.of(2207006, 2207020);

    public GraphApiException(String operation, int httpStatus, Integer code, Integer subcode, Boolean isTransient,
            String message, String fbtraceId, String errorBody, Duration regainAccessIn) {
        this(operation, httpStatus, code, subcode, isTransient, message, fbtraceId, errorBody, regainAccessIn,
                GraphErrorClassifier.classify(code, subcode, isTransient), false);
    }

    private GraphApiException(String operation, int httpStatus, Integer code, Integer subcode, Boolean isTransient,
            String message, String fbtraceId, String errorBody, Duration regainAccessIn, GraphErrorCategory category,
            boolean containerGone) {
        super(describe(operation, httpStatus, code, subcode, message));
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.code = code;
        this.subcode = subcode;
        this.isTransient = isTransient;
        this.fbtraceId = fbtraceId;
        this.errorBody = errorBody;
        this.category = category;
        this.regainAccessIn = regainAccessIn;
        this.containerGone = containerGone || (subcode != null && CONTAINER_GONE_SUBCODES.contains(subcode));
    }

    /**
     * A container whose status is ERROR or EXPIRED: Graph answered the status call fine, but the container can
     * never be published. ERROR is classified by the subcode inside its status text (MEDIA when there is none);
     * EXPIRED means rebuild.
     */
    public static GraphApiException containerUnusable(String containerId, String statusCode, String statusText) {
        boolean expired = "EXPIRED".equals(statusCode);
        GraphErrorCategory category = expired ? GraphErrorCategory.NOT_READY
                : GraphErrorClassifier.classifyContainerError(statusText);
        String message = "container " + containerId + " is " + statusCode
                + (statusText == null || statusText.isBlank() ? "" : " (" + statusText + ")");
        return new GraphApiException("container-status", 200, null, GraphErrorClassifier.subcodeInStatus(statusText),
                null, message, null, null, null, category, expired);
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
    /** The container this call was about no longer exists or has expired: a new one is needed. */
    public boolean isContainerGone() { return containerGone; }
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
