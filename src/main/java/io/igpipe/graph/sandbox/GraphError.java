package io.igpipe.graph.sandbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * One Graph error, as it goes into Meta's envelope. The factories hold the texts Graph uses for each check the
 * sandbox performs; {@link #known(int, Integer)} holds the rows of the publisher error table so an injected
 * fault given only a code and subcode still reads like the real thing.
 */
record GraphError(
        int code,
        Integer subcode,
        String message,
        String type,
        boolean isTransient,
        String userTitle,
        String userMessage,
        int httpStatus) {

    static final String OAUTH_EXCEPTION = "OAuthException";

    /** The app id the sandbox pretends to be, quoted by Graph when an app is removed. */
    static final String SANDBOX_APP_ID = "936619743392459";

    private static final DateTimeFormatter SESSION_TIME =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss zzz", Locale.US)
                    .withZone(ZoneId.of("America/Los_Angeles"));

    static int defaultHttpStatus(int code) {
        return code == 10 || (code >= 200 && code <= 299) ? 403 : 400;
    }

    static GraphError of(int code, Integer subcode, String message, boolean isTransient, String userTitle,
                         String userMessage) {
        return new GraphError(code, subcode, message, OAUTH_EXCEPTION, isTransient, userTitle, userMessage,
                defaultHttpStatus(code));
    }

    GraphErrorException raise() {
        return new GraphErrorException(this);
    }

    GraphError withHttpStatus(int status) {
        return new GraphError(code, subcode, message, type, isTransient, userTitle, userMessage, status);
    }

    // ---- tokens and objects ----

    static GraphError tokenRequired() {
        return of(104, null, "An access token is required to request this resource.", false, null, null);
    }

    static GraphError tokenUnparseable() {
        return of(190, null, "Invalid OAuth access token - Cannot parse access token", false, null, null);
    }

    static GraphError tokenInvalid(TokenState state, String igUserId, Instant expiredAt, Instant now) {
        String message = switch (state) {
            case EXPIRED -> "Error validating access token: Session has expired on " + SESSION_TIME.format(expiredAt)
                    + ". The current time is " + SESSION_TIME.format(now) + ".";
            case REVOKED -> "Error validating access token: The session is invalid because the user logged out.";
            case PASSWORD_CHANGED -> "Error validating access token: The session has been invalidated because the "
                    + "user changed their password or Facebook has changed the session for security reasons.";
            case APP_REMOVED -> "Error validating access token: User " + igUserId
                    + " has not authorized application " + SANDBOX_APP_ID + ".";
            case VALID -> throw new IllegalArgumentException("a valid token is not an error");
        };
        return of(190, state.subcode(), message, false, null, null);
    }

    static GraphError unsupportedRequest(String method, String objectId) {
        return of(100, 33, "Unsupported " + method.toLowerCase(Locale.ROOT) + " request. Object with ID '"
                + objectId + "' does not exist, cannot be loaded due to missing permissions, or does not support "
                + "this operation. Please read the Graph API documentation at "
                + "https://developers.facebook.com/docs/graph-api", false, null, null);
    }

    static GraphError nonexistingField(String field, String nodeType) {
        return of(100, null, "(#100) Tried accessing nonexisting field (" + field + ") on node type ("
                + nodeType + ")", false, null, null);
    }

    static GraphError invalidParameter(String message) {
        return of(100, null, message, false, null, null);
    }

    static GraphError missingParameter(String name) {
        return invalidParameter("(#100) The parameter " + name + " is required");
    }

    static GraphError malformedBody() {
        return invalidParameter("(#100) The request body could not be parsed as JSON or as form fields");
    }

    // ---- rate limits ----

    static GraphError bucThrottled() {
        return of(80002, null, "(#80002) There have been too many calls to this Instagram account. "
                + "Wait a bit and try again.", true, null, null);
    }

    /**
     * Meta documents the 400-containers-per-24h cap but not the error it answers with; developers report the
     * generic app limit, code 4, and unlike the app limit proper it does not clear on its own soon, hence not
     * transient.
     */
    static GraphError containerCapReached() {
        return of(4, null, "(#4) Application request limit reached", false, null, null);
    }

    // ---- container creation ----

    static GraphError mediaFetchFailed(String url) {
        return of(9004, 2207052, "Media could not be fetched from the URI", false, "Media download has failed.",
                "The media could not be fetched from this URI: " + url
                        + ". Please check the URI and try again.");
    }

    static GraphError notPhotoOrVideo() {
        return of(9004, 2207052, "Only photo or video can be accepted as media type.", false,
                "Media download has failed.", "The media URI doesn't meet our requirements.");
    }

    static GraphError mediaFetchTimedOut() {
        return of(-2, 2207003, "Timeout", true, "Timeout", "It takes too long to download the media.");
    }

    static GraphError imageFormatNotSupported() {
        return of(36001, 2207005, "The image format is not supported.", false, "Invalid Image Format",
                "The image could not be processed because its format is not supported. Only JPEG images can be "
                        + "published.");
    }

    static GraphError imageTooLarge() {
        return of(36000, 2207004, "The image size is too large.", false, "Image size too large",
                "The image is too large to download. It should be less than 8 MiB.");
    }

    static GraphError aspectRatioNotSupported(int width, int height) {
        return of(36003, 2207009, "The aspect ratio is not supported.", false, "Unsupported aspect ratio",
                "The submitted image with aspect ratio ('" + width + "/" + height + "',) cannot be published. "
                        + "Please submit an image with a valid aspect ratio.");
    }

    static GraphError captionRejected(String reason) {
        return of(36004, 2207010, "The caption is invalid.", false, "Caption too long", reason);
    }

    static GraphError unknownMediaType(String mediaType) {
        return of(100, 2207023, "Invalid parameter", false, "Unknown media type",
                "The media type " + mediaType + " is unknown. Supported values are CAROUSEL, REELS and STORIES.");
    }

    static GraphError carouselChildCount(int count) {
        return of(100, 2207028, "Invalid parameter", false, "Carousel validation failed",
                "A carousel needs between 2 and 10 children; " + count + " were given.");
    }

    static GraphError tooManyUserTags() {
        return of(100, 2207040, "Invalid parameter", false, "Too many tags",
                "You cannot tag more than 20 people in a post.");
    }

    static GraphError invalidCollaborator(String username) {
        return of(110, 2207018, "Invalid user id", false, "Invalid collaborator",
                "The collaborator username '" + username + "' is not valid. Send usernames without a leading @.");
    }

    static GraphError notForCarouselChild(String param) {
        return invalidParameter("param " + param + " is not allowed for carousel child");
    }

    static GraphError reelAsCarouselItem() {
        return invalidParameter("(#100) Reels cannot be carousel items: create video children with "
                + "media_type=VIDEO and is_carousel_item=true");
    }

    // ---- resumable upload (rupload) ----

    /** Meta's guide shows only this text for a refused upload; the sandbox answers it for any token problem. */
    static GraphError uploadUnauthorized() {
        return of(190, null, "unauthorized user request", false, null, null);
    }

    static GraphError uploadRefused(String message) {
        return invalidParameter(message);
    }

    // ---- deleting ----

    /**
     * Modelled, not documented: the pipeline's rule is that stories cannot be deleted through the API. Answered as
     * a plain invalid-parameter error, without subcode 33, so a client does not retry it as a transient lookup.
     */
    static GraphError storyNotDeletable(String mediaId) {
        return invalidParameter("(#100) The media " + mediaId + " is a story; stories cannot be deleted through "
                + "the API");
    }

    /** Modelled, not documented: a carousel is deleted whole, never one child at a time. */
    static GraphError carouselChildNotDeletable(String mediaId) {
        return invalidParameter("(#100) The media " + mediaId + " is a carousel item; delete its carousel instead");
    }

    // ---- publishing ----

    static GraphError mediaNotFound(String id) {
        return of(24, 2207006, "The media is not found", false, "Media not found",
                "The media with id " + id + " cannot be found.");
    }

    /**
     * Meta documents no error for publishing the same container twice; the observed answer is the "not found"
     * pair 24/2207006, so the sandbox answers it with a message that says why.
     */
    static GraphError alreadyPublished(String id) {
        return of(24, 2207006, "The media has already been published", false, "Media already published",
                "The media with id " + id + " has already been published.");
    }

    static GraphError containerExpired(String id) {
        return of(24, 2207008, "The media builder does not exist or has expired", true, "Media builder expired",
                "The media builder with creation id " + id + " does not exist or has expired.");
    }

    static GraphError notReady() {
        return of(9007, 2207027, "Media ID is not available", false, "Media not ready for publishing",
                "The media is not ready for publishing, please wait for a moment");
    }

    static GraphError carouselItemStandalone() {
        return of(100, 2207089, "Invalid parameter", false, "Cannot publish carousel item",
                "A carousel item cannot be published standalone; publish its carousel container instead.");
    }

    static GraphError publishQuotaReached() {
        return of(9, 2207042, "Application request limit reached", false, "Publishing limit reached",
                "The user has reached the maximum number of posts allowed in 24 hours");
    }

    // ---- the publisher error table, for injected faults ----

    private record Known(String message, boolean isTransient, String userTitle, String userMessage) {
    }

    private static final Map<String, Known> KNOWN = Map.ofEntries(
            Map.entry("1", new Known("An unknown error has occurred.", true, null, null)),
            Map.entry("1/2207057", new Known("Invalid parameter", false, "Invalid thumbnail offset",
                    "The thumbnail offset is outside the duration of the video.")),
            Map.entry("2", new Known("An unexpected error has occurred. Please retry your request later.", true,
                    null, null)),
            Map.entry("4", new Known("(#4) Application request limit reached", true, null, null)),
            Map.entry("4/2207051", new Known("Application request limit reached", false, "Action is blocked",
                    "We restrict certain activity to protect our community. Let us know if you think we made a "
                            + "mistake.")),
            Map.entry("9/2207042", new Known("Application request limit reached", false, "Publishing limit reached",
                    "The user has reached the maximum number of posts allowed in 24 hours")),
            Map.entry("10", new Known("(#10) Application does not have permission for this action", false, null,
                    null)),
            Map.entry("17", new Known("(#17) User request limit reached", true, null, null)),
            Map.entry("24/2207006", new Known("The media is not found", false, "Media not found",
                    "The media cannot be found.")),
            Map.entry("24/2207008", new Known("The media builder does not exist or has expired", true,
                    "Media builder expired", "The media builder does not exist or has expired.")),
            Map.entry("25/2207050", new Known("The Instagram account is restricted.", false, "Restricted account",
                    "The Instagram account is inactive, checkpointed or restricted.")),
            Map.entry("32", new Known("(#32) Page request limit reached", true, null, null)),
            Map.entry("100", new Known("Invalid parameter", false, null, null)),
            Map.entry("100/33", new Known("Unsupported get request. Please read the Graph API documentation at "
                    + "https://developers.facebook.com/docs/graph-api", false, null, null)),
            Map.entry("100/2207023", new Known("Invalid parameter", false, "Unknown media type",
                    "The media type is unknown.")),
            Map.entry("100/2207028", new Known("Invalid parameter", false, "Carousel validation failed",
                    "A carousel needs between 2 and 10 children.")),
            Map.entry("100/2207035", new Known("Invalid parameter", false, "Product tag positions",
                    "Product tag positions are invalid.")),
            Map.entry("100/2207036", new Known("Invalid parameter", false, "Product tag positions",
                    "Product tag positions are not supported for videos.")),
            Map.entry("100/2207037", new Known("Invalid parameter", false, "Product tags",
                    "The product tags are invalid.")),
            Map.entry("100/2207040", new Known("Invalid parameter", false, "Too many tags",
                    "You cannot tag more than 20 people in a post.")),
            Map.entry("100/2207089", new Known("Invalid parameter", false, "Cannot publish carousel item",
                    "A carousel item cannot be published standalone.")),
            Map.entry("110/2207018", new Known("Invalid user id", false, "Invalid collaborator",
                    "The collaborator username is not valid.")),
            Map.entry("190", new Known("Invalid OAuth access token - Cannot parse access token", false, null, null)),
            Map.entry("190/458", new Known("Error validating access token: User has not authorized application "
                    + SANDBOX_APP_ID + ".", false, null, null)),
            Map.entry("190/459", new Known("Error validating access token: You cannot access the app till you log "
                    + "in to www.facebook.com and follow the instructions given.", false, null, null)),
            Map.entry("190/460", new Known("Error validating access token: The session has been invalidated "
                    + "because the user changed their password or Facebook has changed the session for security "
                    + "reasons.", false, null, null)),
            Map.entry("190/463", new Known("Error validating access token: Session has expired.", false, null,
                    null)),
            Map.entry("190/464", new Known("Error validating access token: Sessions for the user are not allowed "
                    + "because the user is not a confirmed user.", false, null, null)),
            Map.entry("190/467", new Known("Error validating access token: The session is invalid because the "
                    + "user logged out.", false, null, null)),
            Map.entry("190/492", new Known("Error validating access token: The user does not have a role on the "
                    + "Page.", false, null, null)),
            Map.entry("200", new Known("(#200) Permissions error", false, null, null)),
            Map.entry("352/2207026", new Known("The video format is not supported. Please check spec for "
                    + "supported video formats.", false, "Unsupported video format",
                    "The video format is not supported.")),
            Map.entry("368", new Known("The action attempted has been deemed abusive or is otherwise disallowed",
                    false, null, null)),
            Map.entry("613", new Known("(#613) Calls to this api have exceeded the rate limit.", true, null, null)),
            Map.entry("613/1996", new Known("(#613) Calls to this api have exceeded the rate limit.", true, null,
                    "The request volume is inconsistent.")),
            Map.entry("80002", new Known("(#80002) There have been too many calls to this Instagram account. "
                    + "Wait a bit and try again.", true, null, null)),
            Map.entry("9004/2207052", new Known("Only photo or video can be accepted as media type.", false,
                    "Media download has failed.", "The media URI doesn't meet our requirements.")),
            Map.entry("9007/2207027", new Known("Media ID is not available", false, "Media not ready for publishing",
                    "The media is not ready for publishing, please wait for a moment")),
            Map.entry("36000/2207004", new Known("The image size is too large.", false, "Image size too large",
                    "The image is too large to download. It should be less than 8 MiB.")),
            Map.entry("36001/2207005", new Known("The image format is not supported.", false, "Invalid Image Format",
                    "The image could not be processed because its format is not supported.")),
            Map.entry("36003/2207009", new Known("The aspect ratio is not supported.", false,
                    "Unsupported aspect ratio", "The submitted image cannot be published. Please submit an image "
                    + "with a valid aspect ratio.")),
            Map.entry("36004/2207010", new Known("The caption is invalid.", false, "Caption too long",
                    "The caption is over 2,200 characters, 30 hashtags or 20 @ tags.")),
            Map.entry("-2/2207003", new Known("Timeout", true, "Timeout", "It takes too long to download the media.")),
            Map.entry("-2/2207020", new Known("The media has expired", false, "Media expired",
                    "The media you are trying to access has expired. Please try to upload again.")),
            Map.entry("-1/2207001", new Known("An unexpected error has occurred. Please retry your request later.",
                    true, "Instagram server error", "Instagram server error. Please retry.")),
            Map.entry("-1/2207032", new Known("Create container failed", true, "Create container failed",
                    "Failed to create the media container. Please try again.")),
            Map.entry("-1/2207053", new Known("An unknown upload error occurred", false, "Unknown upload error",
                    "An unknown error occurred while uploading. Please create a new container.")),
            Map.entry("-1/2207082", new Known("Could not upload the media", true, "Upload failed",
                    "The media could not be uploaded. Please try again.")));

    /** The real-looking error for a code and subcode; unknown pairs get a generic "(#code)" message. */
    static GraphError known(int code, Integer subcode) {
        Known known = KNOWN.get(subcode == null ? Integer.toString(code) : code + "/" + subcode);
        if (known == null) {
            return of(code, subcode, "(#" + code + ") An error occurred", false, null, null);
        }
        return of(code, subcode, known.message(), known.isTransient(), known.userTitle(), known.userMessage());
    }
}
