package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * What the sandbox answers to one Graph call: JSON, a Graph error in Meta's envelope, a bare status page as a
 * proxy in front of Graph would send, or nothing at all (a dropped connection).
 */
record GraphReply(int status, String contentType, byte[] body, GraphError error, boolean bare, boolean dropped) {

    static final String JSON = "application/json; charset=UTF-8";

    private static final String ERROR_PAGE = "<!DOCTYPE html>\n<html lang=\"en\"><head><title>Error</title></head>"
            + "<body><p>Sorry, something went wrong. We're working on it and we'll get it fixed as soon as we can."
            + "</p></body></html>\n";

    static GraphReply json(JsonNode body) {
        return new GraphReply(200, JSON, body.toString().getBytes(StandardCharsets.UTF_8), null, false, false);
    }

    static GraphReply error(GraphError error) {
        ObjectNode envelope = SandboxJson.MAPPER.createObjectNode();
        ObjectNode body = envelope.putObject("error");
        body.put("message", error.message());
        body.put("type", error.type());
        body.put("code", error.code());
        if (error.subcode() != null) {
            body.put("error_subcode", error.subcode());
        }
        body.put("is_transient", error.isTransient());
        if (error.userTitle() != null) {
            body.put("error_user_title", error.userTitle());
        }
        if (error.userMessage() != null) {
            body.put("error_user_msg", error.userMessage());
        }
        body.put("fbtrace_id", FbTraceId.next());
        return new GraphReply(error.httpStatus(), JSON, envelope.toString().getBytes(StandardCharsets.UTF_8), error,
                false, false);
    }

    /**
     * A failure of the rupload endpoint, in the shape Meta's guide shows: {@code debug_info} with the failure as a
     * JSON string in {@code message}. Inside it the sandbox adds Graph's {@code code} and {@code error_subcode}
     * (such as -1/2207053 from a fault rule) so a client can classify it as it classifies Graph errors.
     */
    static GraphReply uploadFailure(GraphError error) {
        ObjectNode inner = SandboxJson.MAPPER.createObjectNode();
        inner.put("success", false);
        ObjectNode failure = inner.putObject("error");
        failure.put("message", error.message());
        failure.put("code", error.code());
        if (error.subcode() != null) {
            failure.put("error_subcode", error.subcode());
        }
        ObjectNode envelope = SandboxJson.MAPPER.createObjectNode();
        ObjectNode debugInfo = envelope.putObject("debug_info");
        debugInfo.put("retriable", error.isTransient());
        debugInfo.put("type", "ProcessingFailedError");
        debugInfo.put("message", inner.toString());
        return new GraphReply(error.httpStatus(), JSON, envelope.toString().getBytes(StandardCharsets.UTF_8), error,
                false, false);
    }

    /** A status with no Graph body; {@code body} null gives the HTML error page an edge server shows. */
    static GraphReply bare(int status, String body) {
        String text = body == null ? ERROR_PAGE : body;
        String type = body == null ? "text/html; charset=utf-8" : "text/plain; charset=utf-8";
        return new GraphReply(status, type, text.getBytes(StandardCharsets.UTF_8), null, true, false);
    }

    static GraphReply dropConnection() {
        return new GraphReply(0, null, new byte[0], null, true, true);
    }
}
