package io.igpipe.ops;

import java.util.Arrays;
import java.util.Optional;

/** The events igpipe sends to webhook endpoints, by the name that travels in the payload and headers. */
public enum WebhookEventType {

    POST_PUBLISHED("post.published"),
    /** The post was dead-lettered: it will not be retried unless an operator replays it. */
    POST_FAILED("post.failed"),
    ACCOUNT_PAUSED("account.paused");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
