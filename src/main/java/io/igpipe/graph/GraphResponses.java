package io.igpipe.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.ledger.AccountStates;
import io.micrometer.core.instrument.MeterRegistry;
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

    private static final String USAGE_HEADER = "X-Business-Use-Case-Usage";

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    private final ObjectMapper json = new ObjectMapper();
    private final AccountTokens tokens;
    private final AccountStates accountStates;
    private final MeterRegistry meters;

    public GraphResponses(AccountTokens tokens, AccountStates accountStates, MeterRegistry meters) {
        this.tokens = tokens;
        this.accountStates = accountStates;
        this.meters = meters;
    }

    /**
     * Inside the circuit breaker: fails only for answers that say the Graph API itself is in trouble (a 5xx
     * without an envelope, a transient Graph error), so the breaker counts outages and nothing else. The
     * message is left as it is for {@link #read}.
     */
    public void failOnOutage(Exchange exchange) {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status >= 200 && status < 300) {
            return;
        }
        GraphApiException error = errorOf(exchange, status, message.getBody(String.class),
                message.getHeader(USAGE_HEADER, String.class));
        if (error.getCategory() == GraphErrorCategory.TRANSIENT) {
            message.getHeaders().clear();
            throw countedError(error);
        }
    }

    /**
     * After the breaker: a success becomes a plain map for the route, anything else a {@link GraphApiException}
     * with the envelope's fields. Usage headers are recorded for the account's pacing.
     */
    public Map<String, Object> read(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        int status = message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = message.getBody(String.class);
        String usage = message.getHeader(USAGE_HEADER, String.class);
        String appUsage = message.getHeader("X-App-Usage", String.class);
        message.getHeaders().clear();
        GraphCall call = exchange.getVariable(GraphRequests.CALL_VARIABLE, GraphCall.class);
        Integer percent = usagePercent(usage, appUsage);
        if (percent != null && call != null) {
            accountStates.recordUsage(call.getAccount(), percent);
        }

        JsonNode root = parse(body);
        if (status >= 200 && status < 300 && root != null && root.isObject() && !root.has("error")) {
            return json.convertValue(root, JSON_OBJECT);
        }
        throw countedError(errorOf(exchange, status, body, usage));
    }

    /** A container that reached ERROR or EXPIRED fails its stage like any Graph error, with its own category. */
    public void containerUnusable(String containerId, String statusCode, String statusText) {
        throw countedError(GraphApiException.containerUnusable(containerId, statusCode, statusText));
    }

    private GraphApiException errorOf(Exchange exchange, int status, String body, String usage) {
        GraphCall call = exchange.getVariable(GraphRequests.CALL_VARIABLE, GraphCall.class);
        String operation = call == null ? "graph-call" : call.getOperation();
        List<String> secrets = tokens.knownTokens();
        JsonNode root = parse(body);
        JsonNode error = root == null ? null : root.get("error");
        String safeBody = SecretRedactor.redact(body, secrets);
        if (error == null || !error.isObject()) {
            // A proxy page, an empty 5xx: no envelope, so the outcome is unknown and worth a retry.
            return new GraphApiException(operation, status, null, null, status >= 500 || status == 0 ? Boolean.TRUE : null,
                    "no Graph error envelope in the answer", null, abbreviate(safeBody), regainAccessIn(usage));
        }
        return new GraphApiException(operation, status,
                intOrNull(error, "code"), intOrNull(error, "error_subcode"),
                error.has("is_transient") ? error.get("is_transient").asBoolean() : null,
                SecretRedactor.redact(textOrNull(error, "message"), secrets),
                textOrNull(error, "fbtrace_id"), safeBody, regainAccessIn(usage));
    }

    private GraphApiException countedError(GraphApiException error) {
        meters.counter("igpipe.graph.errors",
                "operation", error.getOperation(),
                "code", error.getCode() == null ? "none" : String.valueOf(error.getCode()),
                "subcode", error.getSubcode() == null ? "none" : String.valueOf(error.getSubcode()),
                "category", error.getCategory().name()).increment();
        return error;
    }

    /** The highest percentage in X-Business-Use-Case-Usage or X-App-Usage; null when neither was sent. */
    Integer usagePercent(String bucHeader, String appHeader) {
        int highest = -1;
        JsonNode buc = parse(bucHeader);
        if (buc != null && buc.isObject()) {
            for (JsonNode entries : buc) {
                for (JsonNode entry : entries) {
                    highest = Math.max(highest, highestOf(entry));
                }
            }
        }
        JsonNode app = parse(appHeader);
        if (app != null && app.isObject()) {
            highest = Math.max(highest, highestOf(app));
        }
        return highest < 0 ? null : highest;
    }

    private static int highestOf(JsonNode usage) {
        int highest = -1;
        for (String field : List.of("call_count", "total_cputime", "total_time")) {
            if (usage.hasNonNull(field)) {
                highest = Math.max(highest, usage.get(field).asInt());
            }
        }
        return highest;
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
