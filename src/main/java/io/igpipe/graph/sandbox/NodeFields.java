package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.function.Function;

/**
 * Renders Graph nodes with only the fields asked for, in the order asked, and {@code id} last when it was not
 * asked for, as Graph does. A field the node does not have is an error, as on Graph, so a client's typo fails
 * here rather than in production.
 */
final class NodeFields {

    static final String ACCOUNT_NODE = "IGUser";
    static final String MEDIA_NODE = "IGMedia";
    static final String CONTAINER_NODE = "ShadowIGMediaBuilder";
    /**
     * Not a Graph field: Meta offers no way to read a reel's {@code share_to_feed} back, so the sandbox answers it
     * under its own name for tests to assert what the pipeline sent.
     */
    static final String SANDBOX_SHARE_TO_FEED = "sandbox_share_to_feed";

    private NodeFields() {
    }

    static ObjectNode container(ContainerRecord container, Instant now, FieldSelection fields) {
        ObjectNode node = SandboxJson.MAPPER.createObjectNode();
        for (FieldSelection.Field field : fields.fields()) {
            switch (field.name()) {
                case "id" -> node.put("id", container.id());
                case "status_code" -> node.put("status_code", container.statusAt(now).name());
                case "status" -> node.put("status", container.statusTextAt(now));
                case "copyright_check_status" -> {
                    ObjectNode check = node.putObject("copyright_check_status");
                    check.put("matches_found", false);
                    check.put("status", container.statusAt(now) == ContainerStatus.IN_PROGRESS
                            ? "in_progress" : "completed");
                }
                default -> throw GraphError.nonexistingField(field.name(), CONTAINER_NODE).raise();
            }
        }
        return withId(node, container.id());
    }

    static ObjectNode media(MediaRecord media, AccountRecord owner, Function<String, MediaRecord> mediaById,
                            FieldSelection fields) {
        ObjectNode node = SandboxJson.MAPPER.createObjectNode();
        for (FieldSelection.Field field : fields.fields()) {
            switch (field.name()) {
                case "id" -> node.put("id", media.id());
                case "caption" -> {
                    if (media.caption() != null) {
                        node.put("caption", media.caption());
                    }
                }
                case "alt_text" -> {
                    if (media.altText() != null) {
                        node.put("alt_text", media.altText());
                    }
                }
                case "media_type" -> node.put("media_type", media.mediaType());
                case "media_product_type" -> node.put("media_product_type", media.mediaProductType());
                case "timestamp" -> node.put("timestamp", GraphTimestamps.format(media.timestamp()));
                case "permalink" -> node.put("permalink", media.permalink());
                case "shortcode" -> node.put("shortcode", media.shortcode());
                case "media_url" -> {
                    if (media.mediaUrl() != null) {
                        node.put("media_url", media.mediaUrl());
                    }
                }
                case "username" -> node.put("username", owner.username());
                case "owner" -> node.putObject("owner").put("id", owner.igUserId());
                case "is_comment_enabled" -> node.put("is_comment_enabled", true);
                case SANDBOX_SHARE_TO_FEED -> {
                    if (media.shareToFeed() != null) {
                        node.put(SANDBOX_SHARE_TO_FEED, media.shareToFeed());
                    }
                }
                case "like_count" -> node.put("like_count", 0);
                case "comments_count" -> node.put("comments_count", 0);
                case "children" -> {
                    if (!media.childIds().isEmpty()) {
                        ArrayNode data = node.putObject("children").putArray("data");
                        for (String childId : media.childIds()) {
                            data.add(media(mediaById.apply(childId), owner, mediaById, field.nested()));
                        }
                    }
                }
                default -> throw GraphError.nonexistingField(field.name(), MEDIA_NODE).raise();
            }
        }
        return withId(node, media.id());
    }

    static ObjectNode account(AccountRecord account, int mediaCount, FieldSelection fields) {
        ObjectNode node = SandboxJson.MAPPER.createObjectNode();
        for (FieldSelection.Field field : fields.fields()) {
            switch (field.name()) {
                case "id" -> node.put("id", account.igUserId());
                case "user_id" -> node.put("user_id", account.igUserId());
                case "username" -> node.put("username", account.username());
                case "name" -> node.put("name", account.username());
                case "account_type" -> node.put("account_type", "BUSINESS");
                case "media_count" -> node.put("media_count", mediaCount);
                case "followers_count" -> node.put("followers_count", 0);
                case "follows_count" -> node.put("follows_count", 0);
                default -> throw GraphError.nonexistingField(field.name(), ACCOUNT_NODE).raise();
            }
        }
        return withId(node, account.igUserId());
    }

    private static ObjectNode withId(ObjectNode node, String id) {
        if (!node.has("id")) {
            node.put("id", id);
        }
        return node;
    }
}
