package io.igpipe.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Our own request budget per API key, so one client cannot starve the others or the pipeline: a token bucket of
 * {@code igpipe.api.rate-limit.burst} requests, refilled at {@code requests-per-minute}. Kept in memory, per
 * instance: a restart refills every bucket, which errs on the side of the client.
 */
@Component
public class ApiRateLimiter {

    private static final long NANOS_PER_MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final ApiSettings.RateLimit settings;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    public ApiRateLimiter(ApiSettings settings) {
        this(settings.getRateLimit(), System::nanoTime);
    }

    ApiRateLimiter(ApiSettings.RateLimit settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the key's bucket, or refuses with 429 and the seconds until one is back. */
    public void take(String apiKeyId) {
        Bucket bucket = buckets.computeIfAbsent(apiKeyId, id -> new Bucket(settings.getBurst(), nanoTime.getAsLong()));
        long waitNanos = bucket.take(settings.getBurst(), settings.getRequestsPerMinute(), nanoTime.getAsLong());
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
            throw new ApiException(ApiErrorCode.RATE_LIMITED, "Too many requests for this API key: at most "
                    + settings.getBurst() + " at once and " + settings.getRequestsPerMinute()
                    + " per minute; retry in " + seconds + " s", null, seconds);
        }
    }

    /** Tokens are counted in request-nanos (one request = one minute of nanos) so refills never lose fractions. */
    private static final class Bucket {
        private long tokens;
        private long updatedAt;

        Bucket(int burst, long now) {
            this.tokens = burst * NANOS_PER_MINUTE;
            this.updatedAt = now;
        }

        /** @return 0 when a request was taken, else how long until one is available */
        synchronized long take(int burst, int perMinute, long now) {
            long capacity = burst * NANOS_PER_MINUTE;
            long elapsed = Math.max(0, now - updatedAt);
            tokens = elapsed > capacity / Math.max(1, perMinute) ? capacity : Math.min(capacity, tokens + elapsed * perMinute);
            updatedAt = now;
            if (tokens >= NANOS_PER_MINUTE) {
                tokens -= NANOS_PER_MINUTE;
                return 0;
            }
            return (NANOS_PER_MINUTE - tokens + perMinute - 1) / Math.max(1, perMinute);
        }
    }
}
