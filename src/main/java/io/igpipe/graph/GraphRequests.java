package io.igpipe.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostItem;
import io.igpipe.ledger.PostType;
import io.igpipe.media.MediaStore;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Prepares the message for one Graph call: clears every header the exchange picked up on its way
 * (file names, Camel control headers) so nothing leaks to Instagram, then sets method, body, the account's
 * token and the {@link GraphCall} the {@code call-graph} route sends. The token travels only in the
 * Authorization header, never in a URL, so it cannot show up in endpoint names, logs or exception messages.
 */
@Component("graphRequests")
public class GraphRequests {

    public static final String CALL_VARIABLE = "graphCall";

    private final IgpipeProperties properties;
    private final GraphEndpoint endpoint;
    private final MediaStore mediaStore;
    private final AccountTokens tokens;

    public GraphRequests(IgpipeProperties properties, GraphEndpoint endpoint, MediaStore mediaStore, AccountTokens tokens) {
        this.properties = properties;
        this.endpoint = endpoint;
        this.mediaStore = mediaStore;
        this.tokens = tokens;
    }

    /**
     * POST /{ig-user-id}/media for a single-media post of any type: a feed photo, a story (photo or video) or a
     * reel. Only the fields the type takes are sent (graph-api.md section 1.1); the rules were checked at intake.
     */
    public void createContainer(Exchange exchange) {
        Post post = post(exchange);
        PostType type = PostType.valueOf(post.getPostType());
        boolean video = "VIDEO".equals(post.getMediaType());
        Map<String, String> form = new LinkedHashMap<>();
        if (type == PostType.STORIES) {
            form.put("media_type", "STORIES");
        } else if (type == PostType.REELS) {
            form.put("media_type", "REELS");
        }
        putMedia(form, post.getAccount(), video, post.getPreparedPath());
        if (type != PostType.STORIES) {
            putIfPresent(form, "caption", post.getCaption());
            putIfPresent(form, "location_id", post.getLocationId());
            putIfPresent(form, "collaborators", post.getCollaborators());
            putIfPresent(form, "user_tags", post.getUserTags());
        }
        if (type == PostType.IMAGE) {
            putIfPresent(form, "alt_text", post.getAltText());
        }
        if (type == PostType.REELS) {
            if (post.getShareToFeed() != null) {
                form.put("share_to_feed", post.getShareToFeed().toString());
            }
            if (post.getCoverPreparedPath() != null) {
                form.put("cover_url", mediaStore.publicUrlOf(post.getCoverPreparedPath()));
            } else if (post.getThumbOffsetMs() != null) {
                form.put("thumb_offset", post.getThumbOffsetMs().toString());
            }
        }
        prepare(exchange, post.getAccount(), "create-container", "POST", "/" + igUserId(post) + "/media", form, false);
    }

    /** POST /{ig-user-id}/media for one carousel child: media and its own tags only, never caption or collaborators. */
    public void createCarouselChild(Exchange exchange, PostItem item) {
        Post post = post(exchange);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("is_carousel_item", "true");
        if (item.isVideo()) {
            form.put("media_type", "VIDEO");
        }
        putMedia(form, post.getAccount(), item.isVideo(), item.getPreparedPath());
        if (!item.isVideo()) {
            putIfPresent(form, "alt_text", item.getAltText());
        }
        putIfPresent(form, "user_tags", item.getUserTags());
        prepare(exchange, post.getAccount(), "create-child-container", "POST", "/" + igUserId(post) + "/media", form,
                false);
    }

    /** POST /{ig-user-id}/media for the carousel parent, once every child is FINISHED. */
    public void createCarouselParent(Exchange exchange, List<PostItem> items) {
        Post post = post(exchange);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("media_type", "CAROUSEL");
        form.put("children", items.stream().map(PostItem::getContainerId).collect(Collectors.joining(",")));
        putIfPresent(form, "caption", post.getCaption());
        putIfPresent(form, "location_id", post.getLocationId());
        putIfPresent(form, "collaborators", post.getCollaborators());
        prepare(exchange, post.getAccount(), "create-container", "POST", "/" + igUserId(post) + "/media", form, false);
    }

    /** GET /{child-container-id}?fields=status_code,status */
    public void childStatus(Exchange exchange, PostItem item) {
        Post post = post(exchange);
        prepare(exchange, post.getAccount(), "child-status", "GET",
                "/" + item.getContainerId() + "?fields=status_code,status", null, false);
    }

    /**
     * POST {uri} of a resumable container (graph-api.md section 4): the whole file from offset 0, with the token
     * as {@code Authorization: OAuth}, which rupload requires instead of Bearer.
     */
    public void uploadVideo(Exchange exchange, String uploadUri, String preparedPath) throws java.io.IOException {
        Post post = post(exchange);
        java.nio.file.Path file = java.nio.file.Path.of(preparedPath);
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader("Authorization", "OAuth " + tokens.tokenOf(post.getAccount()));
        message.setHeader("offset", "0");
        message.setHeader("file_size", String.valueOf(java.nio.file.Files.size(file)));
        message.setHeader(Exchange.CONTENT_TYPE, "application/octet-stream");
        message.setBody(file.toFile());
        exchange.setVariable(CALL_VARIABLE, new GraphCall(post.getAccount(), "video-upload", uploadUri, false));
    }

    /** Our public URL for Instagram to fetch, or for a video on a RESUMABLE account, upload_type=resumable. */
    private void putMedia(Map<String, String> form, String account, boolean video, String preparedPath) {
        if (!video) {
            form.put("image_url", mediaStore.publicUrlOf(preparedPath));
        } else if (uploadOf(account) == IgpipeProperties.VideoUpload.RESUMABLE) {
            form.put("upload_type", "resumable");
        } else {
            form.put("video_url", mediaStore.publicUrlOf(preparedPath));
        }
    }

    private IgpipeProperties.VideoUpload uploadOf(String account) {
        return properties.account(account).map(IgpipeProperties.Account::getVideoUpload)
                .orElse(IgpipeProperties.VideoUpload.VIDEO_URL);
    }

    /** GET /{container-id}?fields=status_code,status */
    public void containerStatus(Exchange exchange) {
        Post post = post(exchange);
        prepare(exchange, post.getAccount(), "container-status", "GET",
                "/" + post.getContainerId() + "?fields=status_code,status", null, false);
    }

    /** GET /{ig-user-id}/content_publishing_limit */
    public void publishingLimit(Exchange exchange) {
        Post post = post(exchange);
        prepare(exchange, post.getAccount(), "publishing-limit", "GET",
                "/" + igUserId(post) + "/content_publishing_limit?fields=quota_usage,config", null, false);
    }

    /** POST /{ig-user-id}/media_publish */
    public void publish(Exchange exchange) {
        Post post = post(exchange);
        prepare(exchange, post.getAccount(), "media-publish", "POST", "/" + igUserId(post) + "/media_publish",
                Map.of("creation_id", post.getContainerId()), false);
    }

    /** GET /{ig-user-id}/media: to find the media a lost media_publish answer created. */
    public void recentMedia(Exchange exchange) {
        Post post = post(exchange);
        prepare(exchange, post.getAccount(), "media-list", "GET",
                "/" + igUserId(post) + "/media?fields=id,caption,timestamp,media_type&limit=50", null, false);
    }

    /** DELETE /{ig-media-id}: takes a published post off Instagram (DELETE /api/v1/posts/{id}). */
    public void deleteMedia(Exchange exchange) {
        Post post = post(exchange);
        prepare(exchange, post.getAccount(), "media-delete", "DELETE", "/" + post.getMediaId(), null, false);
    }

    /** GET /{ig-user-id}?fields=id,username: the cheapest call that proves a paused account's token works. */
    public void tokenCheck(Exchange exchange, String account) {
        prepare(exchange, account, "token-check", "GET", "/" + igUserId(account) + "?fields=id,username", null, true);
    }

    /**
     * GET /refresh_access_token (Instagram Login, graph-api.md section 8.1): a long-lived token at least 24 h
     * old and not yet expired gets 60 more days. The path carries no API version.
     */
    public void refreshToken(Exchange exchange, String account) {
        prepareUrl(exchange, account, "token-refresh", "GET",
                endpoint.unversionedBaseUrl() + "/refresh_access_token?grant_type=ig_refresh_token", null, true);
    }

    private void prepare(Exchange exchange, String account, String operation, String method, String pathAndQuery,
            Map<String, String> form, boolean tokenCheck) {
        prepareUrl(exchange, account, operation, method, endpoint.versionedBaseUrl() + pathAndQuery, form, tokenCheck);
    }

    private void prepareUrl(Exchange exchange, String account, String operation, String method, String url,
            Map<String, String> form, boolean tokenCheck) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader("Authorization", "Bearer " + tokens.tokenOf(account));
        message.setHeader("Accept", "application/json");
        if (form != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=UTF-8");
            message.setBody(form.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        } else {
            message.setBody(null);
        }
        exchange.setVariable(CALL_VARIABLE, new GraphCall(account, operation, url, tokenCheck));
    }

    private String igUserId(Post post) {
        return igUserId(post.getAccount());
    }

    private String igUserId(String account) {
        return properties.account(account)
                .orElseThrow(() -> new IllegalStateException("Account '" + account + "' is not configured"))
                .getIgUserId();
    }

    private static Post post(Exchange exchange) {
        return exchange.getVariable("post", Post.class);
    }

    private static void putIfPresent(Map<String, String> form, String name, String value) {
        if (value != null && !value.isBlank()) {
            form.put(name, value);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
