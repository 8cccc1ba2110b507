package io.igpipe.graph.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a media URL the way Instagram's crawler does: a plain GET as {@code facebookexternalhit/1.1}, a few
 * redirects at most, one deadline for the whole exchange, and a size cap enforced while reading so an oversized
 * body is never held in memory. Failures become the Graph errors Instagram answers for them.
 */
final class MediaFetcher {

    static final String USER_AGENT = "facebookexternalhit/1.1";
    static final int MAX_REDIRECTS = 5;

    /** What the origin sent back. */
    record Fetched(byte[] bytes, String contentType, URI finalUri) {
    }

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    MediaFetcher(Duration timeout, long maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    Fetched fetch(String url) {
        URI uri = parse(url);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<Body> response = send(uri, url, deadline);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                if (redirects >= MAX_REDIRECTS) {
                    throw GraphError.mediaFetchFailed(url).raise();
                }
                uri = followLocation(uri, response.headers().firstValue("Location").get(), url);
                continue;
            }
            if (status < 200 || status >= 300) {
                throw GraphError.mediaFetchFailed(url).raise();
            }
            Body body = response.body();
            if (body.tooLarge()) {
                throw GraphError.imageTooLarge().raise();
            }
            if (body.bytes().length == 0) {
                throw GraphError.mediaFetchFailed(url).raise();
            }
            return new Fetched(body.bytes(), response.headers().firstValue("Content-Type").orElse(null), uri);
        }
    }

    private static URI parse(String url) {
        // Meta requires media URLs in US-ASCII; anything else fails the fetch rather than being re-encoded.
        if (!url.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw GraphError.mediaFetchFailed(url).raise();
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !isHttp(uri)) {
                throw GraphError.mediaFetchFailed(url).raise();
            }
            return uri;
        } catch (URISyntaxException e) {
            throw GraphError.mediaFetchFailed(url).raise();
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static URI followLocation(URI current, String location, String originalUrl) {
        try {
            URI next = current.resolve(new URI(location.trim()));
            if (next.getHost() == null || !isHttp(next)) {
                throw GraphError.mediaFetchFailed(originalUrl).raise();
            }
            return next;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw GraphError.mediaFetchFailed(originalUrl).raise();
        }
    }

    private HttpResponse<Body> send(URI uri, String originalUrl, long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw GraphError.mediaFetchTimedOut().raise();
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "*/*")
                .build();
        CompletableFuture<HttpResponse<Body>> exchange = client.sendAsync(request, this::bodyFor);
        try {
            return exchange.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw GraphError.mediaFetchTimedOut().raise();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw GraphError.mediaFetchFailed(originalUrl).raise();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpTimeoutException) {
                throw GraphError.mediaFetchTimedOut().raise();
            }
            throw GraphError.mediaFetchFailed(originalUrl).raise();
        }
    }

    private HttpResponse.BodySubscriber<Body> bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() < 200 || info.statusCode() >= 300) {
            return HttpResponse.BodySubscribers.replacing(Body.NONE);
        }
        OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
        return new CappedBody(maxBytes, declared.isPresent() && declared.getAsLong() > maxBytes);
    }

    record Body(byte[] bytes, boolean tooLarge) {
        static final Body NONE = new Body(new byte[0], false);
        static final Body TOO_LARGE = new Body(new byte[0], true);
    }

    /** Collects the body up to the cap, then cancels the download: nothing past the cap is read. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<Body> {
        private final long maxBytes;
        private final boolean refuseAtOnce;
        private final CompletableFuture<Body> result = new CompletableFuture<>();
        private final ByteArrayOutputStream collected = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(long maxBytes, boolean refuseAtOnce) {
            this.maxBytes = maxBytes;
            this.refuseAtOnce = refuseAtOnce;
        }

        @Override
        public CompletionStage<Body> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (refuseAtOnce) {
                s.cancel();
                result.complete(Body.TOO_LARGE);
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (collected.size() + (long) item.remaining() > maxBytes) {
                    subscription.cancel();
                    result.complete(Body.TOO_LARGE);
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                collected.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable instanceof IOException ? throwable : new IOException(throwable));
        }

        @Override
        public void onComplete() {
            result.complete(new Body(collected.toByteArray(), false));
        }
    }
}
