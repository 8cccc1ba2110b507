package io.igpipe.ingest;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every code the HTTP API answers with, and its HTTP status: the one table clients, the README and the OpenAPI
 * document agree on. A code is a contract: once published it keeps its meaning and status.
 */
public enum ApiErrorCode {
    AUTH_REQUIRED(401, "No API key: send Authorization: Bearer <key>"),
    AUTH_INVALID_KEY(401, "The API key is unknown or revoked"),
    VALIDATION_ERROR(400, "The request is malformed: not JSON, unknown field, wrong content type"),
    MISSING_PARAM(400, "A required field or file is missing"),
    INVALID_PARAM(400, "A field has a value the API does not accept"),
    INVALID_SCHEDULE(400, "publish_at is not in the future, or too far ahead"),
    INVALID_MEDIA_TYPE(400, "A file is not JPEG/PNG/WebP or MP4/MOV/WebM, or does not fit the post type"),
    INVALID_CAROUSEL(400, "A carousel has fewer than 2 or more than 10 items"),
    INVALID_TAGS(400, "user_tags are malformed or not allowed on this post type"),
    INVALID_COLLABORATORS(400, "Collaborators on a story, more than 3, or not usernames"),
    CAPTION_TOO_LONG(400, "Caption over 2,200 characters, 30 hashtags or 20 mentions"),
    MEDIA_INVALID(400, "A file or URL could not be used as media (download failed, too large, unreadable)"),
    NOT_FOUND(404, "No such post"),
    INVALID_STATUS(409, "The post is not in a state that allows this"),
    DUPLICATE_CONTENT(409, "The same content is already live for the account"),
    IDEMPOTENCY_KEY_REUSED(409, "The Idempotency-Key was used before with a different request"),
    ACCOUNT_PAUSED(409, "The account is paused until its token is re-authorised"),
    BUSY(409, "The post is being changed right now"),
    ORIGINAL_MISSING(409, "The post's original file is gone"),
    GRAPH_REFUSED(409, "Instagram refused the operation; details carry its code"),
    PAYLOAD_TOO_LARGE(413, "The request or one of its files is over the size limit"),
    RATE_LIMITED(429, "Too many requests for this API key"),
    INTERNAL_ERROR(500, "Unexpected error, logged under the request id"),
    GRAPH_UNAVAILABLE(503, "Instagram could not be reached, or the account is held; retry after retryAfter");

    private final int status;
    private final String meaning;

    ApiErrorCode(int status, String meaning) {
        this.status = status;
        this.meaning = meaning;
    }

    public int status() {
        return status;
    }

    public String meaning() {
        return meaning;
    }

    /** The API code a rejection's code names (the post rules use the API's codes), if it is one. */
    public static Optional<ApiErrorCode> named(String code) {
        return Arrays.stream(values()).filter(value -> value.name().equals(code)).findFirst();
    }
}
