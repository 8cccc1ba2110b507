package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Locale;

/**
 * The JSON form of a fault rule used by {@code /__sandbox/faults}: Graph's own snake_case inside {@code error},
 * {@code containerOutcome} and {@code usage} (so an error body copied from a log can be pasted as is), camelCase
 * for the rule's own settings, and {@code "endpoint":"ANY"} for a rule on every call. To fail one carousel child:
 * {@code {"endpoint":"CREATE_CONTAINER","mediaUrlContains":"child-3","containerOutcome":{"status_code":"ERROR",
 * "status":"Error: Media upload has failed with error code 2207026"}}}.
 */
final class FaultRuleJson {

    static final String ANY = "ANY";

    private FaultRuleJson() {
    }

    static FaultRule parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("a fault rule is a JSON object");
        }
        String endpointName = text(json, "endpoint", ANY).toUpperCase(Locale.ROOT);
        EndpointKind endpoint;
        try {
            endpoint = endpointName.equals(ANY) ? null : EndpointKind.valueOf(endpointName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown endpoint " + endpointName);
        }
        FaultRule.FaultError error = null;
        JsonNode errorJson = json.get("error");
        if (errorJson != null && !errorJson.isNull()) {
            if (!errorJson.hasNonNull("code")) {
                throw new IllegalArgumentException("error.code is required");
            }
            error = new FaultRule.FaultError(
                    errorJson.get("code").asInt(),
                    integer(errorJson, "error_subcode"),
                    text(errorJson, "message", null),
                    errorJson.hasNonNull("is_transient") ? errorJson.get("is_transient").asBoolean() : null,
                    text(errorJson, "error_user_title", null),
                    text(errorJson, "error_user_msg", null));
        }
        ContainerOutcome outcome = null;
        JsonNode outcomeJson = json.get("containerOutcome");
        if (outcomeJson != null && !outcomeJson.isNull()) {
            String statusCode = text(outcomeJson, "status_code", "ERROR").toUpperCase(Locale.ROOT);
            try {
                outcome = new ContainerOutcome(ContainerStatus.valueOf(statusCode), text(outcomeJson, "status", null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("containerOutcome.status_code must be ERROR or IN_PROGRESS: "
                        + statusCode);
            }
        }
        FaultRule.UsageOverride usage = null;
        JsonNode usageJson = json.get("usage");
        if (usageJson != null && !usageJson.isNull()) {
            usage = new FaultRule.UsageOverride(integer(usageJson, "call_count"), integer(usageJson, "total_cputime"),
                    integer(usageJson, "total_time"), integer(usageJson, "estimated_time_to_regain_access"));
        }
        Long latency = json.hasNonNull("latencyMs") ? json.get("latencyMs").asLong() : null;
        return new FaultRule(
                null,
                endpoint,
                text(json, "igUserId", null),
                text(json, "mediaUrlContains", null),
                json.hasNonNull("times") ? json.get("times").asInt() : 1,
                decimal(json, "probability"),
                error,
                integer(json, "httpStatus"),
                json.has("body") && !json.get("body").isNull() ? json.get("body").asText() : null,
                latency,
                json.path("afterSuccess").asBoolean(false),
                json.path("dropConnection").asBoolean(false),
                outcome,
                usage);
    }

    static ObjectNode render(FaultRule rule) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        json.put("id", rule.id());
        json.put("endpoint", rule.endpoint() == null ? ANY : rule.endpoint().name());
        if (rule.igUserId() != null) {
            json.put("igUserId", rule.igUserId());
        }
        if (rule.mediaUrlContains() != null) {
            json.put("mediaUrlContains", rule.mediaUrlContains());
        }
        json.put("times", rule.times());
        if (rule.probability() != null) {
            json.put("probability", rule.probability());
        }
        if (rule.error() != null) {
            FaultRule.FaultError e = rule.error();
            ObjectNode error = json.putObject("error");
            error.put("code", e.code());
            putIfPresent(error, "error_subcode", e.subcode());
            if (e.message() != null) {
                error.put("message", e.message());
            }
            if (e.isTransient() != null) {
                error.put("is_transient", e.isTransient());
            }
            if (e.userTitle() != null) {
                error.put("error_user_title", e.userTitle());
            }
            if (e.userMessage() != null) {
                error.put("error_user_msg", e.userMessage());
            }
        }
        putIfPresent(json, "httpStatus", rule.httpStatus());
        if (rule.body() != null) {
            json.put("body", rule.body());
        }
        if (rule.latencyMs() != null) {
            json.put("latencyMs", rule.latencyMs());
        }
        json.put("afterSuccess", rule.afterSuccess());
        json.put("dropConnection", rule.dropConnection());
        if (rule.containerOutcome() != null) {
            ObjectNode outcome = json.putObject("containerOutcome");
            outcome.put("status_code", rule.containerOutcome().statusCode().name());
            outcome.put("status", rule.containerOutcome().status());
        }
        if (rule.usage() != null) {
            FaultRule.UsageOverride u = rule.usage();
            ObjectNode usage = json.putObject("usage");
            putIfPresent(usage, "call_count", u.callCount());
            putIfPresent(usage, "total_cputime", u.totalCputime());
            putIfPresent(usage, "total_time", u.totalTime());
            putIfPresent(usage, "estimated_time_to_regain_access", u.estimatedTimeToRegainAccess());
        }
        return json;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() && !value.isTextual()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        try {
            return value.isTextual() ? Integer.valueOf(value.asText().trim()) : value.asInt();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
    }

    private static Double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        // As in integer(): a number sent as text (from a shell variable, say) is still taken.
        if (value.isTextual()) {
            try {
                return Double.valueOf(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(field + " must be a number");
    }

    private static void putIfPresent(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
