package io.igpipe.graph.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The web server the pipeline would publish images from: serves test images, HTML, 404s, redirects and one path
 * that does not answer until the test ends. It remembers each request's path and User-Agent.
 */
final class ImageOrigin implements AutoCloseable {

    /** {@code chunked}: sent without Content-Length, so the size is only known by reading. */
    record Served(int status, String contentType, byte[] body, String location, boolean chunked) {
    }

    record Request(String path, String userAgent) {
    }

    static final byte[] LANDSCAPE = TestImages.jpeg(1500, 1000);

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Served> paths = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);

    ImageOrigin() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.setExecutor(executor);
        serveJpeg("/landscape.jpg", LANDSCAPE);
        server.start();
    }

    ImageOrigin serveJpeg(String path, byte[] bytes) {
        return serve(path, new Served(200, "image/jpeg", bytes, null, false));
    }

    ImageOrigin serveChunked(String path, byte[] bytes) {
        return serve(path, new Served(200, "image/jpeg", bytes, null, true));
    }

    ImageOrigin serve(String path, int status, String contentType, byte[] body) {
        return serve(path, new Served(status, contentType, body, null, false));
    }

    ImageOrigin redirect(String path, String location) {
        return serve(path, new Served(302, "text/html", new byte[0], location, false));
    }

    private ImageOrigin serve(String path, Served served) {
        paths.put(path, served);
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(new Request(path, exchange.getRequestHeaders().getFirst("User-Agent")));
        try (exchange) {
            if (path.equals("/slow.jpg")) {
                awaitRelease();
            }
            Served served = paths.get(path);
            if (served == null) {
                served = new Served(404, "text/html", "<html><body>Not Found</body></html>"
                        .getBytes(StandardCharsets.UTF_8), null, false);
            }
            exchange.getResponseHeaders().set("Content-Type", served.contentType());
            if (served.location() != null) {
                exchange.getResponseHeaders().set("Location", served.location());
            }
            long length = served.body().length == 0 ? -1 : served.chunked() ? 0 : served.body().length;
            exchange.sendResponseHeaders(served.status(), length);
            if (served.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(served.body());
                }
            }
        } catch (IOException e) {
            // The sandbox gave up on the download (timeout or size cap); nothing to do.
        }
    }

    private void awaitRelease() {
        try {
            releaseSlow.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        releaseSlow.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
