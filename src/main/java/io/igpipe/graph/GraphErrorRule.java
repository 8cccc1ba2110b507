package io.igpipe.graph;

import static io.igpipe.graph.GraphErrorCategory.AUTH;
import static io.igpipe.graph.GraphErrorCategory.CAROUSEL;
import static io.igpipe.graph.GraphErrorCategory.INVALID;
import static io.igpipe.graph.GraphErrorCategory.MEDIA;
import static io.igpipe.graph.GraphErrorCategory.NOT_READY;
import static io.igpipe.graph.GraphErrorCategory.POLICY;
import static io.igpipe.graph.GraphErrorCategory.PUBLISH_QUOTA;
import static io.igpipe.graph.GraphErrorCategory.RATE_LIMIT;
import static io.igpipe.graph.GraphErrorCategory.TRANSIENT;
import static io.igpipe.graph.GraphErrorRule.AnyCode.ANY_CODE;

/**
 * The Graph error table: one row per {@code code} (or code range) and {@code error_subcode}, with the category
 * it falls in. Rows follow graph-api.md section 6.2, then the codes our own guide adds (the note at the top of
 * graph-api.md), then the container status subcodes. A {@code null} subcode is the code's row for "no subcode
 * or one without a row of its own"; {@link AnyCode#ANY_CODE} rows match by subcode alone, which is all a
 * container's {@code status} text carries. {@link GraphErrorClassifier} does the lookup.
 */
public enum GraphErrorRule {

    // graph-api.md section 6.2, in its order.
    API_ERROR(1, null, TRANSIENT, "Unknown/API error, possibly downtime"),
    THUMB_OFFSET_OUT_OF_RANGE(1, 2207057, INVALID, "thumb_offset outside [0, duration)"),
    SERVICE_UNAVAILABLE(2, null, TRANSIENT, "Service temporarily unavailable"),
    APP_RATE_LIMIT(4, null, RATE_LIMIT, "App-level rate limit reached (Platform limit)"),
    SUSPECTED_SPAM(4, 2207051, POLICY, "Action restricted as suspected spam / community protection"),
    PUBLISHING_QUOTA_REACHED(9, 2207042, PUBLISH_QUOTA, "Publishing quota reached"),
    PERMISSION_MISSING(10, null, AUTH, "Permission not granted or removed"),
    USER_RATE_LIMIT(17, null, RATE_LIMIT, "User-level rate limit"),
    CONTAINER_NOT_FOUND(24, 2207006, NOT_READY, "Media/container not found (often a permission or expired-token issue)"),
    CONTAINER_MISSING_AT_PUBLISH(24, 2207008, NOT_READY, "Container (media builder) missing or expired at publish"),
    ACCOUNT_RESTRICTED(25, 2207050, POLICY, "IG account restricted, inactive or checkpointed"),
    PAGE_RATE_LIMIT(32, null, RATE_LIMIT, "Page-level rate limit (Pages calls with a user token)"),
    INVALID_PARAMETER(100, null, INVALID, "Invalid parameter"),
    OBJECT_MISSING_OR_NOT_PERMITTED(100, 33, TRANSIENT,
            "Object does not exist or no permission; Meta also returns it for a just-created object"),
    UNKNOWN_MEDIA_TYPE(100, 2207023, INVALID, "Unknown media type"),
    CAROUSEL_ITEM_COUNT(100, 2207028, CAROUSEL, "Carousel needs 2-10 items"),
    // graph-api.md names one meaning for these three subcodes.
    PRODUCT_TAG_2207035(100, 2207035, INVALID, "Product tag position/validity"),
    PRODUCT_TAG_2207036(100, 2207036, INVALID, "Product tag position/validity"),
    PRODUCT_TAG_2207037(100, 2207037, INVALID, "Product tag position/validity"),
    TOO_MANY_USER_TAGS(100, 2207040, INVALID, "More than 20 @-tags"),
    STANDALONE_VIDEO(100, 2207089, INVALID, "Standalone VIDEO media type"),
    BAD_COLLABORATOR_USERNAME(110, 2207018, INVALID, "Bad collaborator username (e.g. leading @)"),
    TOKEN_INVALID(190, null, AUTH, "Token invalid or expired"),
    APP_NOT_INSTALLED(190, 458, AUTH, "App not installed: user removed or deauthorized the app"),
    USER_CHECKPOINTED(190, 459, AUTH, "User checkpointed; must log in on the web"),
    PASSWORD_CHANGED(190, 460, AUTH, "Password changed: session invalidated"),
    TOKEN_EXPIRED(190, 463, AUTH, "Token expired"),
    UNCONFIRMED_USER(190, 464, AUTH, "Unconfirmed user"),
    TOKEN_REVOKED(190, 467, AUTH, "Invalid token (logged out or revoked)"),
    PAGE_ROLE_MISSING(190, 492, AUTH, "Page token's user lacks a role on the Page"),
    PERMISSION_ERROR(200, 299, null, AUTH, "Permission errors (e.g. 200: missing ads_management)"),
    UNSUPPORTED_VIDEO_FORMAT(352, 2207026, MEDIA, "Unsupported video format"),
    POLICY_BLOCK(368, null, POLICY, "Temporarily blocked for policy violations"),
    CUSTOM_RATE_LIMIT(613, null, RATE_LIMIT, "Custom rate limit"),
    INCONSISTENT_REQUEST_VOLUME(613, 1996, RATE_LIMIT, "Custom rate limit: inconsistent request volume"),
    INSTAGRAM_BUC_RATE_LIMIT(80002, null, RATE_LIMIT, "Instagram BUC rate limit exceeded"),
    MEDIA_FETCH_FAILED(9004, 2207052, MEDIA, "Media could not be fetched from the URI"),
    MEDIA_NOT_READY(9007, 2207027, NOT_READY, "Media not ready to publish"),
    IMAGE_TOO_LARGE(36000, 2207004, MEDIA, "Image larger than 8 MiB"),
    UNSUPPORTED_IMAGE_FORMAT(36001, 2207005, MEDIA, "Image format not supported"),
    IMAGE_ASPECT_RATIO_OUT_OF_RANGE(36003, 2207009, MEDIA, "Image aspect ratio outside 4:5 to 1.91:1"),
    CAPTION_TOO_LONG(36004, 2207010, INVALID, "Caption too long (2,200 characters / 30 hashtags / 20 mentions)"),
    MEDIA_DOWNLOAD_TIMEOUT(-2, 2207003, TRANSIENT, "Timed out downloading the media"),
    CONTAINER_EXPIRED(-2, 2207020, NOT_READY, "Media/container expired"),
    INSTAGRAM_SERVER_ERROR(-1, 2207001, TRANSIENT, "Instagram server error"),
    CONTAINER_CREATION_FAILED(-1, 2207032, TRANSIENT, "Container creation failed"),
    VIDEO_UPLOAD_FAILED(-1, 2207053, MEDIA, "Unknown upload error (video)"),

    // Codes our error-handling guide classifies beyond Meta's table.
    INSTAGRAM_ERROR(-1, null, TRANSIENT, "Instagram-side error without a subcode"),
    TOO_MANY_CALLS(9, null, RATE_LIMIT, "Rate limited; only subcode 2207042 means the publishing quota"),
    NOT_AN_IG_PROFESSIONAL_ACCOUNT(12, null, INVALID,
            "Singular published story API is deprecated: the ID is not an IG professional account"),
    ACCOUNT_RESTRICTED_NO_SUBCODE(25, null, POLICY, "IG account restricted, inactive or checkpointed"),
    SESSION_INVALID(102, null, AUTH, "API session: login status or access token no longer valid"),
    ACCESS_TOKEN_REJECTED(104, null, AUTH, "Access token missing or not accepted"),
    GRAPH_THROTTLE(80001, null, RATE_LIMIT, "There have been too many calls (Graph-wide throttle)"),
    INVALID_CAROUSEL(100, 2207024, CAROUSEL,
            "Invalid carousel: mixed aspect ratios, fewer than 2 or more than 10 items, an item over 8 MB"),
    CAROUSEL_PUBLISH_FAILED(35001, null, CAROUSEL,
            "Carousel publish failed: a child URL not reachable, caption over 2,200 characters, over 30 hashtags"),

    // Subcodes that identify the error whatever the code, as in a container's status text.
    INVALID_CAROUSEL_ANY_CODE(ANY_CODE, 2207024, CAROUSEL,
            "Invalid carousel: mixed aspect ratios, fewer than 2 or more than 10 items, an item over 8 MB"),
    UNSUPPORTED_VIDEO_FORMAT_ANY_CODE(ANY_CODE, 2207026, MEDIA, "Unsupported video format"),
    MEDIA_FETCH_FAILED_ANY_CODE(ANY_CODE, 2207052, MEDIA, "Media could not be fetched from the URI"),
    CONTAINER_CREATION_FAILED_ANY_CODE(ANY_CODE, 2207032, TRANSIENT, "Container creation failed"),
    TRANSIENT_PROCESSING_ERROR(ANY_CODE, 2207076, TRANSIENT, "Transient processing error"),
    VIDEO_DOWNLOAD_FAILED(ANY_CODE, 2207077, MEDIA, "Video download failed"),
    UPLOAD_FAILED_RETRYABLE(ANY_CODE, 2207082, TRANSIENT, "Could not upload media; retryable"),
    VIDEO_PROCESSING_FAILED(ANY_CODE, 2207085, MEDIA, "Could not process the video (format, duration or resolution)"),

    // The same codes without their documented subcode: the code alone already says what kind of failure it is.
    CONTAINER_UNAVAILABLE(24, null, NOT_READY, "Container missing or not found"),
    MEDIA_OR_CONTAINER_PROBLEM(-2, null, TRANSIENT, "Download timeout or expired container without a subcode"),
    NOT_READY_TO_PUBLISH(9007, null, NOT_READY, "Media not ready to publish"),
    VIDEO_FORMAT_REFUSED(352, null, MEDIA, "Unsupported video format"),
    IMAGE_SIZE_REFUSED(36000, null, MEDIA, "Image larger than 8 MiB"),
    IMAGE_FORMAT_REFUSED(36001, null, MEDIA, "Image format not supported"),
    IMAGE_RATIO_REFUSED(36003, null, MEDIA, "Image aspect ratio outside the limits"),
    MEDIA_NOT_FETCHED(9004, null, MEDIA, "Media could not be fetched from the URI"),
    CAPTION_REFUSED(36004, null, INVALID, "Caption too long"),
    // A container in ERROR whose status text names an Instagram-side failure: retry, do not re-optimize.
    SERVER_ERROR_IN_STATUS(ANY_CODE, 2207001, TRANSIENT, "Instagram server error"),
    DOWNLOAD_TIMEOUT_IN_STATUS(ANY_CODE, 2207003, TRANSIENT, "Timed out downloading the media");

    /** Marks a row keyed on the subcode alone; an enum so it cannot be mistaken for a code. */
    enum AnyCode { ANY_CODE }

    private final Integer firstCode;
    private final Integer lastCode;
    private final Integer subcode;
    private final GraphErrorCategory category;
    private final String meaning;

    GraphErrorRule(int code, Integer subcode, GraphErrorCategory category, String meaning) {
        this(code, code, subcode, category, meaning);
    }

    GraphErrorRule(int firstCode, int lastCode, Integer subcode, GraphErrorCategory category, String meaning) {
        this((Integer) firstCode, (Integer) lastCode, subcode, category, meaning);
    }

    GraphErrorRule(AnyCode anyCode, int subcode, GraphErrorCategory category, String meaning) {
        this(null, null, subcode, category, meaning);
    }

    GraphErrorRule(Integer firstCode, Integer lastCode, Integer subcode, GraphErrorCategory category,
            String meaning) {
        this.firstCode = firstCode;
        this.lastCode = lastCode;
        this.subcode = subcode;
        this.category = category;
        this.meaning = meaning;
    }

    /** Whether the row matches by subcode alone, whatever the code. */
    public boolean anyCode() {
        return firstCode == null;
    }

    /** Whether {@code code} is this row's code or in its code range; never true for an any-code row. */
    public boolean hasCode(int code) {
        return !anyCode() && firstCode <= code && code <= lastCode;
    }

    /** The row's code, or the first of its range; null for an any-code row. */
    public Integer firstCode() {
        return firstCode;
    }

    /** The last code of the row's range (its code when it has one code); null for an any-code row. */
    public Integer lastCode() {
        return lastCode;
    }

    /** The row's subcode; null for the code's own row. */
    public Integer subcode() {
        return subcode;
    }

    public GraphErrorCategory category() {
        return category;
    }

    /** What the error means, after graph-api.md. */
    public String meaning() {
        return meaning;
    }

    /** The row as graph-api.md writes it, for logs: {@code 190/463}, {@code 200-299}; {@code *} stands for any code. */
    public String key() {
        String codes = anyCode() ? "*" : firstCode.equals(lastCode) ? firstCode.toString() : firstCode + "-" + lastCode;
        return subcode == null ? codes : codes + "/" + subcode;
    }
}
