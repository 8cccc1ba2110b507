package io.igpipe.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Start-up refuses webhook settings that could only fail later, and says why without printing URL or secret. */
class WebhookPropertiesTest {

    @Test
    void anHttpsEndpointWithASecretIsAcceptedAndSubscribesToEveryEventByDefault() {
        WebhookProperties properties = withEndpoint("https://hooks.example.com/igpipe?token=abc", "s3cret");

        assertThatNoException().isThrownBy(properties::validate);
        WebhookProperties.Endpoint endpoint = properties.getEndpoints().get(0);
        assertThat(WebhookEventType.values()).allMatch(endpoint::subscribesTo);
        assertThat(endpoint.toString()).doesNotContain("s3cret").doesNotContain("token=abc");
    }

    @Test
    void onlyHttpAndHttpsUrlsAreAccepted() {
        for (String url : List.of("ftp://hooks.example.com/x", "file:///etc/passwd", "hooks.example.com/x", "http:///x")) {
            assertThatIllegalStateException().as(url).isThrownBy(withEndpoint(url, "s3cret")::validate)
                    .withMessageContaining("url must be an absolute http:// or https:// URL");
        }
    }

    @Test
    void anEndpointWithoutASecretIsRefused() {
        assertThatIllegalStateException().isThrownBy(withEndpoint("https://hooks.example.com/x", " ")::validate)
                .withMessageContaining("needs exactly one of secret and secret-file");
    }

    @Test
    void anUnknownEventNameIsRefused() {
        WebhookProperties properties = withEndpoint("https://hooks.example.com/x", "s3cret");
        properties.getEndpoints().get(0).setEvents(List.of("post.published", "post.deleted"));

        assertThatIllegalStateException().isThrownBy(properties::validate).withMessageContaining("'post.deleted'");
    }

    private static WebhookProperties withEndpoint(String url, String secret) {
        WebhookProperties.Endpoint endpoint = new WebhookProperties.Endpoint();
        endpoint.setName("ops");
        endpoint.setUrl(url);
        endpoint.setSecret(secret);
        WebhookProperties properties = new WebhookProperties();
        properties.setEndpoints(List.of(endpoint));
        return properties;
    }
}
