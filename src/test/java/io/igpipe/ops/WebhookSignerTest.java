package io.igpipe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The signature matches what a receiver computes with standard tools (values checked with openssl and Python). */
class WebhookSignerTest {

    private static final byte[] SECRET = "whsec-test".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTheTimestampDotBodyWithHmacSha256InLowercaseHex() {
        // printf '%s' '1700000000.{"id":"e1","type":"post.published"}' | openssl dgst -sha256 -hmac whsec-test
        byte[] body = "{\"id\":\"e1\",\"type\":\"post.published\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.signature(SECRET, 1700000000L, body))
                .isEqualTo("sha256=b310eb85471b0519a1f29447dc408ec08d66604145dd487972b93470f1b299c1");
    }

    @Test
    void signsTheUtf8BytesOfTheBody() {
        // Python: hmac.new(b'whsec-test', b'1700000000.' + body.encode('utf-8'), hashlib.sha256).hexdigest()
        byte[] body = "{\"caption\":\"café ☕\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.signature(SECRET, 1700000000L, body))
                .isEqualTo("sha256=69f070f45d27e786f6b65949f19e20827adfd7c0290429fab6397af5baa13d66");
    }

    @Test
    void anotherTimestampOrSecretGivesAnotherSignature() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSigner.signature(SECRET, 1700000000L, body);

        assertThat(WebhookSigner.signature(SECRET, 1700000001L, body)).isNotEqualTo(signature);
        assertThat(WebhookSigner.signature("other".getBytes(StandardCharsets.UTF_8), 1700000000L, body))
                .isNotEqualTo(signature);
    }
}
