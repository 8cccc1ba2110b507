package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** Tells Graph calls apart and answers each one from the sandbox state. Errors leave as GraphErrorException. */
final class GraphEndpoints {

    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 100;

    private final SandboxState state;
    private final ContainerCreation creation;
    private final ResumableUploads uploads;
    private final SandboxSettings settings;
    private final Clock clock;
    private final URI baseUri;

    GraphEndpoints(SandboxState state, ContainerCreation creation, ResumableUploads uploads, SandboxSettings settings,
                   URI baseUri) {
        this.state = state;
        this.creation = creation;
        this.uploads = uploads;
        this.settings = settings;
        this.clock = settings.clock();
        this.baseUri = baseUri;
    }

    EndpointKind kindOf(GraphRequest request) {
        List<String> segments = request.segments();
        String method = request.method();
        if (request.upload()) {
            return method.equals("POST") && request.uploadContainerId() != null ? EndpointKind.RESUMABLE_UPLOAD
                    : EndpointKind.OTHER;
        }
        if (segments.size() == 1) {
            String id = segments.get(0);
            if (method.equals("DELETE")) {
                return EndpointKind.MEDIA_DELETE;
            }
            if (!method.equals("GET")) {
                return EndpointKind.OTHER;
            }
            if (id.equals("refresh_access_token")) {
                return EndpointKind.TOKEN_REFRESH;
            }
            if (id.equals("me") || state.isAccount(id)) {
                return EndpointKind.ME;
            }
            if (state.container(id).isPresent()) {
                return EndpointKind.CONTAINER_STATUS;
            }
            if (state.media(id).isPresent()) {
                return EndpointKind.MEDIA_GET;
            }
            return EndpointKind.OTHER;
        }
        if (segments.size() == 2) {
            String edge = segments.get(1);
            if (edge.equals("media")) {
                return method.equals("POST") ? EndpointKind.CREATE_CONTAINER
                        : method.equals("GET") ? EndpointKind.MEDIA_LIST : EndpointKind.OTHER;
            }
            if (edge.equals("media_publish") && method.equals("POST")) {
                return EndpointKind.MEDIA_PUBLISH;
            }
            if (edge.equals("content_publishing_limit") && method.equals("GET")) {
                return EndpointKind.PUBLISHING_LIMIT;
            }
        }
        return EndpointKind.OTHER;
    }

    ObjectNode answer(EndpointKind kind, GraphRequest request, Caller caller, ContainerOutcome outcome) {
        return switch (kind) {
            case CREATE_CONTAINER -> createContainer(request, caller, outcome);
            case CONTAINER_STATUS -> containerStatus(request, caller);
            case MEDIA_PUBLISH -> publish(request, caller);
            case PUBLISHING_LIMIT -> publishingLimit(request, caller);
            case MEDIA_LIST -> mediaList(request, caller);
            case MEDIA_GET -> mediaGet(request, caller);
            case MEDIA_DELETE -> deleteMedia(request, caller);
            case RESUMABLE_UPLOAD -> uploads.receive(request, caller);
            case ME -> account(request, caller);
            case TOKEN_REFRESH -> refreshToken(request);
            case OTHER -> throw GraphError.unsupportedRequest(request.method(),
                    request.pathObjectId() == null ? "" : request.pathObjectId()).raise();
        };
    }

    private ObjectNode createContainer(GraphRequest request, Caller caller, ContainerOutcome outcome) {
        requireOwnAccount(request, caller);
        ContainerRecord container = creation.create(request, caller.igUserId(), outcome);
        ObjectNode body = idOnly(container.id());
        if (container.video() != null && container.video().resumable()) {
            // Meta answers the rupload host; the sandbox serves that endpoint itself, under the same path.
            body.put("uri", baseUri + "/" + GraphRequest.UPLOAD_PREFIX + "/" + request.versionOrDefault() + "/"
                    + container.id());
        }
        return body;
    }

    private ObjectNode containerStatus(GraphRequest request, Caller caller) {
        ContainerRecord container = state.container(request.pathObjectId())
                .filter(c -> c.ownerId().equals(caller.igUserId()))
                .orElseThrow(() -> unsupported(request));
        return NodeFields.container(container, clock.instant(), FieldSelection.parse(request.param("fields")));
    }

    private ObjectNode publish(GraphRequest request, Caller caller) {
        requireOwnAccount(request, caller);
        String creationId = request.param("creation_id");
        if (creationId == null || creationId.isBlank()) {
            throw GraphError.missingParameter("creation_id").raise();
        }
        MediaRecord media = state.publish(caller.igUserId(), creationId.trim(), clock.instant());
        return idOnly(media.id());
    }

    private ObjectNode publishingLimit(GraphRequest request, Caller caller) {
        requireOwnAccount(request, caller);
        Instant now = clock.instant();
        Instant since = null;
        if (request.hasParam("since")) {
            try {
                since = Instant.ofEpochSecond(Long.parseLong(request.param("since").trim()));
            } catch (NumberFormatException e) {
                throw GraphError.invalidParameter("(#100) Param since must be a unix timestamp").raise();
            }
        }
        FieldSelection fields = FieldSelection.parse(request.param("fields"));
        if (fields.isEmpty()) {
            fields = FieldSelection.parse("quota_usage");
        }
        ObjectNode entry = SandboxJson.MAPPER.createObjectNode();
        for (FieldSelection.Field field : fields.fields()) {
            switch (field.name()) {
                case "quota_usage" -> entry.put("quota_usage", state.quotaUsage(caller.igUserId(), since, now));
                case "config" -> {
                    ObjectNode config = entry.putObject("config");
                    config.put("quota_total", settings.publishQuota());
                    config.put("quota_duration", settings.quotaWindow().toSeconds());
                }
                case "rate_limit_settings" -> {
                    // Legacy field still shown in Meta's example request; Graph answers without it.
                }
                default -> throw GraphError.nonexistingField(field.name(), "ContentPublishingLimitResponse").raise();
            }
        }
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.putArray("data").add(entry);
        return body;
    }

    private ObjectNode mediaList(GraphRequest request, Caller caller) {
        requireOwnAccount(request, caller);
        AccountRecord owner = state.account(caller.igUserId()).orElseThrow(() -> unsupported(request));
        int limit = pageSize(request.param("limit"));
        List<MediaRecord> posts = state.postsOf(owner.igUserId());
        int start = 0;
        if (request.hasParam("after")) {
            start = indexOf(posts, request.param("after")) + 1;
            if (start == 0) {
                start = posts.size();
            }
        } else if (request.hasParam("before")) {
            int end = Math.max(0, indexOf(posts, request.param("before")));
            start = Math.max(0, end - limit);
        }
        int end = Math.min(posts.size(), start + limit);
        FieldSelection fields = FieldSelection.parse(request.param("fields"));
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        ArrayNode data = body.putArray("data");
        for (MediaRecord media : posts.subList(start, end)) {
            data.add(NodeFields.media(media, owner, this::mediaById, fields));
        }
        if (start < end) {
            ObjectNode paging = body.putObject("paging");
            ObjectNode cursors = paging.putObject("cursors");
            String first = cursor(posts.get(start));
            String last = cursor(posts.get(end - 1));
            cursors.put("before", first);
            cursors.put("after", last);
            if (end < posts.size()) {
                paging.put("next", pageUrl(request, owner.igUserId(), limit, "after", last));
            }
            if (start > 0) {
                paging.put("previous", pageUrl(request, owner.igUserId(), limit, "before", first));
            }
        }
        return body;
    }

    private ObjectNode mediaGet(GraphRequest request, Caller caller) {
        MediaRecord media = state.media(request.pathObjectId())
                .filter(m -> m.ownerId().equals(caller.igUserId()))
                .orElseThrow(() -> unsupported(request));
        AccountRecord owner = state.account(media.ownerId()).orElseThrow(() -> unsupported(request));
        return NodeFields.media(media, owner, this::mediaById, FieldSelection.parse(request.param("fields")));
    }

    /**
     * {@code DELETE /{media-id}}: a feed post, reel or carousel of the caller's account is deleted and answers
     * {@code {"success":true}}. Meta's IG Media reference stored with this project documents no delete operation;
     * third-party integrations describe {@code DELETE /{ig-media-id}} on the Facebook Login host. What the sandbox
     * does for a story (refused) or a carousel child (refused) is modelled on the pipeline's rules, not on Meta's
     * documentation; an unknown, foreign or already deleted id answers 100/33 like any missing object.
     */
    private ObjectNode deleteMedia(GraphRequest request, Caller caller) {
        state.delete(caller.igUserId(), request.pathObjectId(), clock.instant());
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("success", true);
        return body;
    }

    private ObjectNode account(GraphRequest request, Caller caller) {
        if (!"me".equals(request.pathObjectId())) {
            requireOwnAccount(request, caller);
        }
        AccountRecord account = state.account(caller.igUserId()).orElseThrow(() -> unsupported(request));
        return NodeFields.account(account, state.postsOf(account.igUserId()).size(),
                FieldSelection.parse(request.param("fields")));
    }

    private ObjectNode refreshToken(GraphRequest request) {
        String grantType = request.param("grant_type");
        if (!"ig_refresh_token".equals(grantType)) {
            throw GraphError.invalidParameter("(#100) Param grant_type must be ig_refresh_token").raise();
        }
        TokenRecord refreshed = state.refresh(request.accessToken(), clock.instant());
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        // Meta may hand back the same string; the sandbox always does (it keeps only a digest).
        body.put("access_token", request.accessToken());
        body.put("token_type", "bearer");
        body.put("expires_in", settings.tokenLifetime().toSeconds());
        return body;
    }

    private void requireOwnAccount(GraphRequest request, Caller caller) {
        String id = request.pathObjectId();
        if (id == null || !id.equals(caller.igUserId()) || !state.isAccount(id)) {
            throw unsupported(request);
        }
    }

    private static GraphErrorException unsupported(GraphRequest request) {
        return GraphError.unsupportedRequest(request.method(),
                request.pathObjectId() == null ? "" : request.pathObjectId()).raise();
    }

    private MediaRecord mediaById(String id) {
        return state.media(id).orElseThrow(() -> new IllegalStateException("carousel child media " + id
                + " is missing"));
    }

    private static int pageSize(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            return Math.max(1, Math.min(MAX_PAGE_SIZE, limit));
        } catch (NumberFormatException e) {
            throw GraphError.invalidParameter("(#100) Param limit must be an integer").raise();
        }
    }

    private static String cursor(MediaRecord media) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(media.id().getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(List<MediaRecord> posts, String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        for (int i = 0; i < posts.size(); i++) {
            if (posts.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Paging links carry no access token: the client sends its own, as it did for the first page. */
    private String pageUrl(GraphRequest request, String igUserId, int limit, String direction, String cursor) {
        StringBuilder url = new StringBuilder(baseUri.toString())
                .append('/').append(request.versionOrDefault())
                .append('/').append(igUserId).append("/media?");
        if (request.hasParam("fields")) {
            url.append("fields=").append(URLEncoder.encode(request.param("fields"), StandardCharsets.UTF_8))
                    .append('&');
        }
        return url.append("limit=").append(limit).append('&').append(direction).append('=').append(cursor)
                .toString();
    }

    private static ObjectNode idOnly(String id) {
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("id", id);
        return body;
    }
}
