package io.igpipe.ops;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body: {@code sha256=} + lowercase hex of HMAC-SHA256(secret, "<timestamp>.<body>"), where timestamp
 * is the {@code X-Igpipe-Timestamp} header (unix seconds) and body the raw request bytes. Binding the timestamp
 * into the signature lets a receiver refuse old requests, so a captured request cannot be replayed later.
 */
public final class WebhookSigner {

    public static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSigner() {
    }

    public static String signature(byte[] secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return SCHEME + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is a mandatory JDK algorithm; failing here means a broken runtime, not bad input
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
