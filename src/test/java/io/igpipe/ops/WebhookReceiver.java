package io.igpipe.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback that records every request and answers as the test scripted it, per account named
 * in the event (so tests sharing one app do not disturb each other) and per path (one path per endpoint).
 * Requests are served on their own threads, so one that hangs does not hold the others.
 */
final class WebhookReceiver implements AutoCloseable {

    /** The status a script returns to accept the request and never answer, until {@link #releaseHangingRequests()}. */
    static final int HANG = -1;

    /** The status to answer the {@code attempt}-th request (from 1) of one event on one path. */
    @FunctionalInterface
    interface Script {
        int status(String path, int attempt);
    }

    record Request(String path, Map<String, String> headers, byte[] body, Instant receivedAt) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final CountDownLatch hangingReleased = new CountDownLatch(1);

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the events of {@code account} as the script says; other accounts' events get 200. */
    void script(String account, Script script) {
        scripts.put(account, script);
    }

    /** Every request whose event names {@code account}, on {@code path}, in the order they arrived. */
    List<Request> requests(String account, String path) {
        return requests.stream()
                .filter(request -> request.path().equals(path))
                .filter(request -> account.equals(request.json().at("/data/account").asText()))
                .toList();
    }

    void releaseHangingRequests() {
        hangingReleased.countDown();
    }

    @Override
    public void close() {
        releaseHangingRequests();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        Request request = new Request(exchange.getRequestURI().getPath(), headers, body, Instant.now());
        requests.add(request);

        JsonNode event = request.json();
        Script script = scripts.getOrDefault(event.at("/data/account").asText(), (path, attempt) -> 200);
        int attempt = attempts.computeIfAbsent(request.path() + " " + event.path("id").asText(),
                key -> new AtomicInteger()).incrementAndGet();
        int status = script.status(request.path(), attempt);
        if (status == HANG) {
            awaitRelease();
            status = 200;
        }
        byte[] answer = (status / 100 == 2 ? "thanks" : "receiver says no").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private void awaitRelease() {
        try {
            hangingReleased.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
