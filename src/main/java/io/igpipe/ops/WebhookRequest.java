package io.igpipe.ops;

/**
 * What one delivery attempt sends, read by the {@code send-webhook} route: where, the signed body, and the
 * timeouts of the call (camel-http takes them as milliseconds, the settings are durations).
 */
public final class WebhookRequest {

    private final String url;
    private final long timestamp;
    private final String signature;
    private final byte[] body;
    private final long connectTimeoutMillis;
    private final long responseTimeoutMillis;

    WebhookRequest(String url, long timestamp, String signature, byte[] body, long connectTimeoutMillis,
            long responseTimeoutMillis) {
        this.url = url;
        this.timestamp = timestamp;
        this.signature = signature;
        this.body = body;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.responseTimeoutMillis = responseTimeoutMillis;
    }

    public String getUrl() { return url; }
    /** Unix seconds, sent as {@code X-Igpipe-Timestamp} and covered by the signature. */
    public long getTimestamp() { return timestamp; }
    /** {@code sha256=<hex>}, sent as {@code X-Igpipe-Signature}. */
    public String getSignature() { return signature; }
    /** The stored payload as UTF-8 bytes: exactly what was signed. */
    public byte[] getBody() { return body; }
    public long getConnectTimeoutMillis() { return connectTimeoutMillis; }
    public long getResponseTimeoutMillis() { return responseTimeoutMillis; }

    @Override
    public String toString() {
        // no URL: it may carry a token of the receiver
        return "WebhookRequest[timestamp=" + timestamp + "]";
    }
}
