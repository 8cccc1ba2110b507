package io.igpipe.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;

/**
 * Headers an API answer carries besides Content-Type and X-Request-Id (Location, Retry-After, WWW-Authenticate,
 * Idempotent-Replayed). Routes and beans collect them in an exchange variable, since the {@code api-reply} route
 * clears every request header first: nothing the client sent is ever echoed back.
 */
public final class ApiReplies {

    public static final String REPLY_HEADERS = "replyHeaders";
    public static final String STATUS = "apiStatus";

    private ApiReplies() {
    }

    public static void status(Exchange exchange, int status) {
        exchange.setVariable(STATUS, String.valueOf(status));
    }

    public static void header(Exchange exchange, String name, String value) {
        headersOf(exchange).put(name, value);
    }

    /** The refusal's own headers (Retry-After, WWW-Authenticate), for the error handler. */
    public static void refusalHeaders(Exchange exchange, Throwable failure) {
        headersOf(exchange).putAll(ApiException.replyHeadersOf(failure));
    }

    /** Last step of {@code api-reply}: the collected headers onto the answer. */
    public static void writeHeaders(Exchange exchange) {
        headersOf(exchange).forEach(exchange.getMessage()::setHeader);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headersOf(Exchange exchange) {
        Map<String, String> headers = exchange.getVariable(REPLY_HEADERS, Map.class);
        if (headers == null) {
            headers = new LinkedHashMap<>();
            exchange.setVariable(REPLY_HEADERS, headers);
        }
        return headers;
    }
}
