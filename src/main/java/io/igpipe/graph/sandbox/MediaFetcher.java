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
 * body is never held in memory. A failure is reported as a {@link FetchFailed} naming the problem; the caller turns
 * it into what Instagram answers for its kind of media (a synchronous error for an image, a container status for a
 * video).
 */
final class MediaFetcher {

    static final String USER_AGENT = "facebookexternalhit/1.1";
    static final int MAX_REDIRECTS = 5;

    /** What the origin sent back. */
    record Fetched(byte[] bytes, String contentType, URI finalUri) {
    }

    enum Problem {
        /** Not an ASCII http(s) URL, refused, not found, an error status, too many redirects or an empty body. */
        UNREACHABLE,
        TIMED_OUT,
        TOO_LARGE
    }

    static final class FetchFailed extends RuntimeException {
        private final Problem problem;

        FetchFailed(Problem problem) {
            super(problem.name(), null, false, false);
            this.problem = problem;
        }

        Problem problem() {
            return problem;
        }
    }

    private final HttpClient client;
    private final Duration timeout;

    MediaFetcher(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
    }

    /** Whether a URL could be fetched at all, checked before a video is accepted for background fetching. */
    static boolean fetchable(String url) {
        try {
            parse(url);
            return true;
        } catch (FetchFailed e) {
            return false;
        }
    }

    Fetched fetch(String url, long maxBytes) {
        URI uri = parse(url);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int redirects = 0; ; redirects++) {
            HttpResponse<Body> response = send(uri, deadline, maxBytes);
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                if (redirects >= MAX_REDIRECTS) {
                    throw new FetchFailed(Problem.UNREACHABLE);
                }
                uri = followLocation(uri, response.headers().firstValue("Location").get());
                continue;
            }
            if (status < 200 || status >= 300) {
                throw new FetchFailed(Problem.UNREACHABLE);
            }
            Body body = response.body();
            if (body.tooLarge()) {
                throw new FetchFailed(Problem.TOO_LARGE);
            }
            if (body.bytes().length == 0) {
                throw new FetchFailed(Problem.UNREACHABLE);
            }
            return new Fetched(body.bytes(), response.headers().firstValue("Content-Type").orElse(null), uri);
        }
    }

    private static URI parse(String url) {
        // Meta requires media URLs in US-ASCII; anything else fails the fetch rather than being re-encoded.
        if (url == null || !url.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new FetchFailed(Problem.UNREACHABLE);
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || !isHttp(uri)) {
                throw new FetchFailed(Problem.UNREACHABLE);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new FetchFailed(Problem.UNREACHABLE);
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static URI followLocation(URI current, String location) {
        try {
            URI next = current.resolve(new URI(location.trim()));
            if (next.getHost() == null || !isHttp(next)) {
                throw new FetchFailed(Problem.UNREACHABLE);
            }
            return next;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchFailed(Problem.UNREACHABLE);
        }
    }

    private HttpResponse<Body> send(URI uri, long deadline, long maxBytes) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw new FetchFailed(Problem.TIMED_OUT);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .GET()
                .timeout(Duration.ofNanos(remaining))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "*/*")
                .build();
        CompletableFuture<HttpResponse<Body>> exchange = client.sendAsync(request, info -> bodyFor(info, maxBytes));
        try {
            return exchange.get(remaining, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FetchFailed(Problem.TIMED_OUT);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailed(Problem.UNREACHABLE);
        } catch (ExecutionException e) {
            throw new FetchFailed(e.getCause() instanceof HttpTimeoutException ? Problem.TIMED_OUT
                    : Problem.UNREACHABLE);
        }
    }

    private static HttpResponse.BodySubscriber<Body> bodyFor(HttpResponse.ResponseInfo info, long maxBytes) {
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
