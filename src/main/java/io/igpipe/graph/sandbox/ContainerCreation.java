package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code POST /{ig-user-id}/media}. Everything Instagram rejects synchronously is rejected here, in the order a
 * client would meet it: the kind of container, its parameters, the container cap, then the image fetched from
 * {@code image_url} (reachability, size, format, decodability, aspect ratio). A video is only accepted here: it is
 * fetched and judged in the background by {@link VideoProcessing}, and its container reports the verdict through
 * its status, as Instagram's does.
 */
final class ContainerCreation {

    static final int MAX_ALT_TEXT = 1000;
    static final int MAX_USER_TAGS = 20;
    static final int MAX_COLLABORATORS = 3;
    static final int MIN_CHILDREN = 2;
    static final int MAX_CHILDREN = 10;

    private final SandboxState state;
    private final JpegFetch images;
    private final VideoProcessing videos;
    private final Clock clock;

    ContainerCreation(SandboxState state, JpegFetch images, VideoProcessing videos, Clock clock) {
        this.state = state;
        this.images = images;
        this.videos = videos;
        this.clock = clock;
    }

    ContainerRecord create(GraphRequest request, String ownerId, ContainerOutcome outcome) {
        ContainerType type = typeOf(request);
        String caption = null;
        String altText = null;
        String locationId = null;
        List<String> collaborators = List.of();
        List<String> children = List.of();
        if (type.carouselItem()) {
            for (String param : List.of("caption", "location_id", "collaborators")) {
                if (request.hasParam(param)) {
                    throw GraphError.notForCarouselChild(param).raise();
                }
            }
        }
        if (type.takesPostMetadata()) {
            caption = request.param("caption");
            CaptionRules.check(caption);
            locationId = emptyToNull(request.param("location_id"));
            collaborators = collaborators(request.param("collaborators"));
        }
        if (type.takesAltText()) {
            altText = emptyToNull(request.param("alt_text"));
            if (altText != null && altText.codePointCount(0, altText.length()) > MAX_ALT_TEXT) {
                throw GraphError.invalidParameter("(#100) Param alt_text must be at most 1000 characters long")
                        .raise();
            }
        }
        List<UserTag> userTags = type.takesUserTags()
                ? userTags(request.param("user_tags"), type.userTagPositionRequired())
                : List.of();
        if (type == ContainerType.CAROUSEL) {
            children = children(request.param("children"));
        }
        String imageUrl = null;
        ImageFacts image = null;
        if (type.fetchesImage()) {
            imageUrl = request.param("image_url");
            if (imageUrl == null || imageUrl.isBlank()) {
                throw GraphError.missingParameter("image_url").raise();
            }
        }
        VideoDetails video = type.video() ? VideoParameters.read(request, type) : null;
        // The cap is checked before the fetch so a capped account does not make the sandbox download anything.
        state.requireContainerCapacity(ownerId, clock.instant());
        if (type.fetchesImage()) {
            image = fetchImage(imageUrl, type);
        }
        ContainerDraft draft = new ContainerDraft(ownerId, type, imageUrl, caption, altText, locationId, userTags,
                collaborators, children, image, video);
        ContainerRecord container = state.createContainer(draft, outcome, clock.instant());
        if (container.awaitingVerdict()) {
            videos.judgeFetched(container.id());
        }
        return container;
    }

    private static ContainerType typeOf(GraphRequest request) {
        String mediaType = request.param("media_type");
        boolean carouselItem = "true".equalsIgnoreCase(request.param("is_carousel_item"));
        if (mediaType == null || mediaType.isEmpty() || mediaType.equals("IMAGE")) {
            // IMAGE is the default: a video_url without media_type still needs an image_url, as on Instagram.
            return carouselItem ? ContainerType.CAROUSEL_IMAGE_ITEM : ContainerType.IMAGE;
        }
        switch (mediaType) {
            case "CAROUSEL":
                return ContainerType.CAROUSEL;
            case "STORIES":
                boolean video = !request.hasParam("image_url")
                        && (request.hasParam("video_url") || VideoParameters.resumable(request));
                return video ? ContainerType.STORY_VIDEO : ContainerType.STORY_IMAGE;
            case "REELS":
                if (carouselItem) {
                    throw GraphError.reelAsCarouselItem().raise();
                }
                return ContainerType.REELS;
            case "VIDEO":
                return carouselItem ? ContainerType.CAROUSEL_VIDEO_ITEM : ContainerType.STANDALONE_VIDEO;
            default:
                throw GraphError.unknownMediaType(mediaType).raise();
        }
    }

    private ImageFacts fetchImage(String imageUrl, ContainerType type) {
        ImageFacts facts = images.fetch(imageUrl);
        if (type.aspectRatioLimited() && !withinFeedAspectRatio(facts.width(), facts.height())) {
            throw GraphError.aspectRatioNotSupported(facts.width(), facts.height()).raise();
        }
        return facts;
    }

    /** 4:5 to 1.91:1 inclusive, compared in integers so the limits themselves are never lost to rounding. */
    static boolean withinFeedAspectRatio(int width, int height) {
        long w = width;
        long h = height;
        return 5 * w >= 4 * h && 100 * w <= 191 * h;
    }

    private static List<UserTag> userTags(String raw, boolean positionRequired) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        JsonNode tags;
        try {
            tags = SandboxJson.MAPPER.readTree(raw);
        } catch (IOException e) {
            throw userTagsInvalid("must be a JSON array");
        }
        if (tags == null || !tags.isArray()) {
            throw userTagsInvalid("must be a JSON array");
        }
        if (tags.size() > MAX_USER_TAGS) {
            throw GraphError.tooManyUserTags().raise();
        }
        List<UserTag> result = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            JsonNode tag = tags.get(i);
            JsonNode username = tag.get("username");
            if (!tag.isObject() || username == null || !username.isTextual() || username.asText().isBlank()) {
                throw userTagsInvalid("[" + i + "] must have a username");
            }
            Double x = coordinate(tag, "x", i, positionRequired);
            Double y = coordinate(tag, "y", i, positionRequired);
            result.add(new UserTag(username.asText(), x, y));
        }
        return List.copyOf(result);
    }

    private static Double coordinate(JsonNode tag, String axis, int index, boolean required) {
        JsonNode value = tag.get(axis);
        if (value == null || value.isNull()) {
            if (required) {
                throw userTagsInvalid("[" + index + "][" + axis + "] is required");
            }
            return null;
        }
        if (!value.isNumber() || value.asDouble() < 0.0 || value.asDouble() > 1.0) {
            throw userTagsInvalid("[" + index + "][" + axis + "] must be a number between 0 and 1");
        }
        return value.asDouble();
    }

    private static GraphErrorException userTagsInvalid(String what) {
        return GraphError.invalidParameter("(#100) Param user_tags" + what).raise();
    }

    private static List<String> collaborators(String raw) {
        List<String> names = listParameter(raw, "collaborators");
        if (names.size() > MAX_COLLABORATORS) {
            throw GraphError.invalidParameter("(#100) Param collaborators can list at most 3 usernames").raise();
        }
        for (String name : names) {
            if (name.startsWith("@")) {
                throw GraphError.invalidCollaborator(name).raise();
            }
        }
        return names;
    }

    private static List<String> children(String raw) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(listParameter(raw, "children")));
        if (ids.size() < MIN_CHILDREN || ids.size() > MAX_CHILDREN) {
            throw GraphError.carouselChildCount(ids.size()).raise();
        }
        return ids;
    }

    /** A list parameter may be a JSON array or a comma-separated string. */
    static List<String> listParameter(String raw, String name) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String trimmed = raw.trim();
        List<String> values = new ArrayList<>();
        if (trimmed.startsWith("[")) {
            JsonNode array;
            try {
                array = SandboxJson.MAPPER.readTree(trimmed);
            } catch (IOException e) {
                throw GraphError.invalidParameter("(#100) Param " + name + " must be a JSON array or a "
                        + "comma-separated list").raise();
            }
            array.forEach(node -> values.add(node.asText().trim()));
        } else {
            for (String part : trimmed.split(",")) {
                values.add(part.trim());
            }
        }
        values.removeIf(String::isEmpty);
        return List.copyOf(values);
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
