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
 * (file names, Camel control headers) so nothing leaks to Instagram, then sets method, body and the
 * account's token. The token travels only in the Authorization header, never in a URL, so it cannot
 * show up in endpoint names, logs or exception messages. The route itself names the Graph path.
 */
@Component("graphRequests")
public class GraphRequests {

    public static final String TARGET_VARIABLE = "graph";

    private final IgpipeProperties properties;
    private final GraphEndpoint endpoint;
    private final MediaStore mediaStore;

    public GraphRequests(IgpipeProperties properties, GraphEndpoint endpoint, MediaStore mediaStore) {
        this.properties = properties;
        this.endpoint = endpoint;
        this.mediaStore = mediaStore;
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
        prepare(exchange, post, "POST", form);
    }

    /** GET /{container-id}?fields=status_code,status */
    public void containerStatus(Exchange exchange) {
        prepare(exchange, post(exchange), "GET", null);
    }

    /** GET /{ig-user-id}/content_publishing_limit */
    public void publishingLimit(Exchange exchange) {
        prepare(exchange, post(exchange), "GET", null);
    }

    /** POST /{ig-user-id}/media_publish */
    public void publish(Exchange exchange) {
        Post post = post(exchange);
        prepare(exchange, post, "POST", Map.of("creation_id", post.getContainerId()));
    }

    /** GET /{ig-user-id}/media: to find the media a lost media_publish answer created. */
    public void recentMedia(Exchange exchange) {
        prepare(exchange, post(exchange), "GET", null);
    }

    private void prepare(Exchange exchange, Post post, String method, Map<String, String> form) {
        IgpipeProperties.Account account = properties.account(post.getAccount())
                .orElseThrow(() -> new IllegalStateException("Account '" + post.getAccount() + "' is not configured"));
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_METHOD, method);
        message.setHeader("Authorization", "Bearer " + account.getAccessToken());
        message.setHeader("Accept", "application/json");
        if (form != null) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/x-www-form-urlencoded; charset=UTF-8");
            message.setBody(form.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&")));
        } else {
            message.setBody(null);
        }
        exchange.setVariable(TARGET_VARIABLE, new GraphTarget(endpoint.versionedBaseUrl(), account.getIgUserId()));
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
