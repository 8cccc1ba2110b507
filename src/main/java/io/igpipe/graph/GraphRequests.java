package io.igpipe.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.Post;
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

    /** POST /{ig-user-id}/media for a single feed image. */
    public void createImageContainer(Exchange exchange) {
        Post post = post(exchange);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("image_url", mediaStore.publicUrlOf(post.getPreparedPath()));
        putIfPresent(form, "caption", post.getCaption());
        putIfPresent(form, "alt_text", post.getAltText());
        putIfPresent(form, "location_id", post.getLocationId());
        putIfPresent(form, "user_tags", post.getUserTags());
        prepare(exchange, post.getAccount(), "create-container", "POST", "/" + igUserId(post) + "/media", form, false);
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
