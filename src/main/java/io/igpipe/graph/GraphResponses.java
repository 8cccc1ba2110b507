package io.igpipe.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.IgpipeProperties;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Reads a Graph answer once: a success becomes a plain map for the route, anything else becomes a
 * {@link GraphApiException} with the envelope's fields. Headers are dropped afterwards so the token set
 * for the request does not travel further with the exchange.
 */
@Component("graphResponses")
public class GraphResponses {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> tokens;

    public GraphResponses(IgpipeProperties properties) {
        this.tokens = properties.getAccounts().stream()
                .map(IgpipeProperties.Account::getAccessToken).filter(Objects::nonNull).toList();
    }

    public Map<String, Object> read(Exchange exchange, String operation) throws Exception {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        String usage = message.getHeader("X-Business-Use-Case-Usage", String.class);
        message.getHeaders().clear();

        JsonNode root = parse(body);
        if (status >= 200 && status < 300 && root != null && root.isObject() && !root.has("error")) {
            return json.convertValue(root, JSON_OBJECT);
        }
        JsonNode error = root == null ? null : root.get("error");
        String safeBody = SecretRedactor.redact(body, tokens);
        if (error == null || !error.isObject()) {
            // A proxy page, an empty 5xx: no envelope, so the outcome is unknown and worth a retry.
            throw new GraphApiException(operation, status, null, null, status >= 500 || status == 0 ? Boolean.TRUE : null,
                    "no Graph error envelope in the answer", null, abbreviate(safeBody), regainAccessIn(usage));
        }
        throw new GraphApiException(operation, status,
                intOrNull(error, "code"), intOrNull(error, "error_subcode"),
                error.has("is_transient") ? error.get("is_transient").asBoolean() : null,
                SecretRedactor.redact(textOrNull(error, "message"), tokens),
                textOrNull(error, "fbtrace_id"), safeBody, regainAccessIn(usage));
    }

    /** The longest estimated_time_to_regain_access (minutes) across the header's entries, if any. */
    Duration regainAccessIn(String usageHeader) {
        JsonNode usage = parse(usageHeader);
        if (usage == null || !usage.isObject()) {
            return null;
        }
        long minutes = -1;
        for (JsonNode entries : usage) {
            for (JsonNode entry : entries) {
                if (entry.has("estimated_time_to_regain_access")) {
                    minutes = Math.max(minutes, entry.get("estimated_time_to_regain_access").asLong());
                }
            }
        }
        return minutes < 0 ? null : Duration.ofMinutes(minutes);
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
