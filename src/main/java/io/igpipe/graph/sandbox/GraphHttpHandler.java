package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * The life of one Graph call: read it, authenticate it, charge it to the account's call budget, let a fault rule
 * bend it, perform it, record it in the call log, and answer with the usage headers. The call is logged before
 * the answer is written, so a client that has its answer always finds its call in a snapshot.
 */
final class GraphHttpHandler implements HttpHandler {

    private static final System.Logger LOG = System.getLogger(GraphHttpHandler.class.getName());

    private final SandboxState state;
    private final GraphEndpoints endpoints;
    private final CallBudget budget;
    private final FaultRules faults;
    private final CallLog callLog;
    private final Clock clock;

    GraphHttpHandler(SandboxState state, GraphEndpoints endpoints, CallBudget budget, FaultRules faults,
                     CallLog callLog, Clock clock) {
        this.state = state;
        this.endpoints = endpoints;
        this.budget = budget;
        this.faults = faults;
        this.callLog = callLog;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) {
        try {
            serve(exchange);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away during " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath(), e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "sandbox failed on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath(), e);
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Instant at = clock.instant();
        GraphRequest request = GraphRequest.read(exchange);
        EndpointKind kind = endpoints.kindOf(request);
        String pathAccount = request.pathObjectId() != null && state.isAccount(request.pathObjectId())
                ? request.pathObjectId() : null;
        if (request.malformedBody()) {
            finish(exchange, request, kind, pathAccount, at, errorReply(request, GraphError.malformedBody()), null,
                    null);
            return;
        }
        Caller caller;
        try {
            caller = state.authenticate(request.accessToken(), at);
        } catch (GraphErrorException e) {
            GraphError refusal = request.upload() ? GraphError.uploadUnauthorized() : e.error();
            finish(exchange, request, kind, pathAccount, at, errorReply(request, refusal), null, null);
            return;
        }
        String account = caller.igUserId();
        CallBudget.Admission admission = budget.admit(account, at);
        if (!admission.admitted()) {
            finish(exchange, request, kind, account, at, errorReply(request, GraphError.bucThrottled()),
                    admission.usage(), null);
            return;
        }
        FaultRule fault = faults.consume(kind, account, request.pathObjectId(), request.mediaUrls()).orElse(null);
        boolean injectsBefore = fault != null && !fault.afterSuccess();
        boolean injectsAfter = fault != null && fault.afterSuccess();
        if (injectsBefore) {
            pause(fault.latencyMs());
        }
        GraphReply reply;
        if (injectsBefore && (fault.dropConnection() || fault.replacesAnswer())) {
            reply = injected(request, fault);
        } else {
            ContainerOutcome outcome = fault == null ? null : fault.containerOutcome();
            reply = perform(kind, request, caller, outcome);
            if (injectsAfter && (fault.dropConnection() || fault.replacesAnswer())) {
                reply = injected(request, fault);
            }
        }
        CallBudget.Usage usage = override(admission.usage(), fault);
        record(request, kind, account, at, reply, fault);
        if (injectsAfter) {
            pause(fault.latencyMs());
        }
        deliver(exchange, request, account, at, reply, usage);
    }

    private GraphReply perform(EndpointKind kind, GraphRequest request, Caller caller, ContainerOutcome outcome) {
        try {
            ObjectNode body = endpoints.answer(kind, request, caller, outcome);
            return GraphReply.json(body);
        } catch (GraphErrorException e) {
            return errorReply(request, e.error());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "sandbox failed on " + request, e);
            return errorReply(request, GraphError.known(1, null).withHttpStatus(500));
        }
    }

    /** Graph answers errors in its envelope; the rupload endpoint in its own debug_info shape. */
    private static GraphReply errorReply(GraphRequest request, GraphError error) {
        return request.upload() ? GraphReply.uploadFailure(error) : GraphReply.error(error);
    }

    private static GraphReply injected(GraphRequest request, FaultRule fault) {
        if (fault.dropConnection()) {
            return GraphReply.dropConnection();
        }
        if (fault.error() != null) {
            return errorReply(request, fault.error().toGraphError(fault.httpStatus()));
        }
        return GraphReply.bare(fault.httpStatus(), fault.body());
    }

    private static CallBudget.Usage override(CallBudget.Usage usage, FaultRule fault) {
        if (fault == null || fault.usage() == null) {
            return usage;
        }
        FaultRule.UsageOverride o = fault.usage();
        return new CallBudget.Usage(
                o.callCount() != null ? o.callCount() : usage.callCount(),
                o.totalCputime() != null ? o.totalCputime() : usage.totalCputime(),
                o.totalTime() != null ? o.totalTime() : usage.totalTime(),
                o.estimatedTimeToRegainAccess() != null ? o.estimatedTimeToRegainAccess()
                        : usage.estimatedTimeToRegainAccess());
    }

    private void finish(HttpExchange exchange, GraphRequest request, EndpointKind kind, String account, Instant at,
                        GraphReply reply, CallBudget.Usage usage, FaultRule fault) throws IOException {
        record(request, kind, account, at, reply, fault);
        CallBudget.Usage shown = usage == null && account != null ? budget.usage(account, at) : usage;
        deliver(exchange, request, account, at, reply, shown);
    }

    private void record(GraphRequest request, EndpointKind kind, String account, Instant at, GraphReply reply,
                        FaultRule fault) {
        GraphError error = reply.error();
        callLog.add(new CallRecord(kind, request.method(), request.path(), account, reply.status(),
                error == null ? null : error.code(), error == null ? null : error.subcode(), at,
                fault == null ? null : fault.id()));
        LOG.log(System.Logger.Level.DEBUG, () -> request + " -> " + (reply.dropped() ? "dropped" : reply.status())
                + (error == null ? "" : " " + error.code() + (error.subcode() == null ? "" : "/" + error.subcode()))
                + (fault == null ? "" : " (" + fault.id() + ")"));
    }

    private void deliver(HttpExchange exchange, GraphRequest request, String account, Instant at, GraphReply reply,
                         CallBudget.Usage usage) throws IOException {
        if (reply.dropped()) {
            // Closing an exchange before its headers are sent closes the socket: the client gets no answer at all.
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", reply.contentType());
        if (!reply.bare()) {
            headers.set("facebook-api-version", request.versionOrDefault());
            headers.set("x-fb-trace-id", FbTraceId.next());
            if (account != null && usage != null) {
                headers.set("X-Business-Use-Case-Usage", businessUseCaseUsage(account, usage));
            }
            int app = budget.busiestPercent(at);
            headers.set("X-App-Usage", "{\"call_count\":" + app + ",\"total_time\":" + app / 4
                    + ",\"total_cputime\":" + app / 4 + "}");
            if (reply.error() != null) {
                boolean tokenProblem = reply.error().code() == 190 || reply.error().code() == 104;
                headers.set("WWW-Authenticate", "OAuth \"Facebook Platform\" \""
                        + (tokenProblem ? "invalid_token" : "invalid_request") + "\" \""
                        + reply.error().message().replace("\"", "'") + "\"");
            }
        }
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String businessUseCaseUsage(String account, CallBudget.Usage usage) {
        ObjectNode root = SandboxJson.MAPPER.createObjectNode();
        ObjectNode entry = root.putArray(account).addObject();
        entry.put("type", "instagram");
        entry.put("call_count", usage.callCount());
        entry.put("total_cputime", usage.totalCputime());
        entry.put("total_time", usage.totalTime());
        entry.put("estimated_time_to_regain_access", usage.estimatedTimeToRegainAccess());
        return root.toString();
    }

    private static void pause(Long latencyMs) {
        if (latencyMs == null || latencyMs <= 0) {
            return;
        }
        try {
            Thread.sleep(latencyMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
