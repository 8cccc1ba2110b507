package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * {@code /__sandbox/...}: the operator's and the test's controls. Not part of Graph, so these calls are neither
 * logged as Graph calls nor charged to any budget, and they answer plain JSON errors rather than Meta's envelope.
 */
final class AdminHttpHandler implements HttpHandler {

    static final String PREFIX = "/__sandbox";

    private static final System.Logger LOG = System.getLogger(AdminHttpHandler.class.getName());

    private final GraphSandbox sandbox;

    AdminHttpHandler(GraphSandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IllegalArgumentException e) {
            respondQuietly(exchange, 400, problem(e.getMessage()));
        } catch (IOException e) {
            respondQuietly(exchange, 400, problem("cannot read the request: " + e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "admin call failed: " + exchange.getRequestURI().getPath(), e);
            respondQuietly(exchange, 500, problem(e.toString()));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        if (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        switch (method + " " + path) {
            case "GET /faults" -> respond(exchange, 200, faultList());
            case "POST /faults" -> {
                FaultRule added = sandbox.faults().add(FaultRuleJson.parse(body(exchange)));
                respond(exchange, 201, FaultRuleJson.render(added));
            }
            case "DELETE /faults" -> {
                ObjectNode cleared = SandboxJson.MAPPER.createObjectNode();
                cleared.put("cleared", sandbox.faults().clear());
                respond(exchange, 200, cleared);
            }
            case "POST /accounts" -> registerAccount(exchange);
            case "POST /tokens" -> setTokenState(exchange);
            case "GET /state" -> respond(exchange, 200, SandboxJson.MAPPER.valueToTree(sandbox.snapshot()));
            case "POST /reset" -> {
                sandbox.reset();
                ObjectNode done = SandboxJson.MAPPER.createObjectNode();
                done.put("reset", true);
                respond(exchange, 200, done);
            }
            default -> {
                if (method.equals("DELETE") && path.startsWith("/faults/")) {
                    ObjectNode removed = SandboxJson.MAPPER.createObjectNode();
                    removed.put("removed", sandbox.faults().remove(path.substring("/faults/".length())));
                    respond(exchange, 200, removed);
                } else {
                    respond(exchange, 404, problem("no sandbox admin endpoint " + method + " " + PREFIX + path));
                }
            }
        }
    }

    private ObjectNode faultList() {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        ArrayNode rules = json.putArray("rules");
        sandbox.faults().list().forEach(rule -> rules.add(FaultRuleJson.render(rule)));
        return json;
    }

    private void registerAccount(HttpExchange exchange) throws IOException {
        JsonNode json = body(exchange);
        String igUserId = required(json, "igUserId");
        String username = required(json, "username");
        sandbox.registerAccount(igUserId, username, required(json, "accessToken"));
        ObjectNode done = SandboxJson.MAPPER.createObjectNode();
        done.put("igUserId", igUserId);
        done.put("username", username);
        done.put("tokenState", TokenState.VALID.name());
        respond(exchange, 200, done);
    }

    private void setTokenState(HttpExchange exchange) throws IOException {
        JsonNode json = body(exchange);
        String state = required(json, "state").toUpperCase(Locale.ROOT);
        TokenState tokenState;
        try {
            tokenState = TokenState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state must be one of VALID, EXPIRED, REVOKED, PASSWORD_CHANGED, "
                    + "APP_REMOVED: " + state);
        }
        sandbox.setTokenState(required(json, "accessToken"), tokenState);
        ObjectNode done = SandboxJson.MAPPER.createObjectNode();
        done.put("state", tokenState.name());
        respond(exchange, 200, done);
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (bytes.length == 0) {
            throw new IllegalArgumentException("a JSON body is required");
        }
        return SandboxJson.MAPPER.readTree(bytes);
    }

    private static String required(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.asText();
    }

    private static ObjectNode problem(String message) {
        ObjectNode json = SandboxJson.MAPPER.createObjectNode();
        json.put("error", message);
        return json;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = SandboxJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void respondQuietly(HttpExchange exchange, int status, JsonNode body) {
        try {
            respond(exchange, status, body);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "could not answer admin call", e);
        }
    }
}
