package io.igpipe.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The HTTP API's settings under {@code igpipe.api.*}; documented next to their defaults in
 * {@code config/application.yaml}. Upload sizes are Spring's own {@code spring.servlet.multipart.*}.
 */
@Component
@ConfigurationProperties(prefix = "igpipe.api")
public class ApiSettings {

    /** A key accepted from start-up, for deployments that cannot run the key command; its hash is recorded. */
    private String bootstrapKey;
    /** Largest JSON request body (POST /posts with media_urls). */
    private long maxJsonBytes = 1024 * 1024;
    /** Where uploaded and downloaded files wait until their post takes them; default: data-dir/api-staging. */
    private Path stagingDir;
    private final RateLimit rateLimit = new RateLimit();
    private final Downloads downloads = new Downloads();
    private final Listing listing = new Listing();

    public String getBootstrapKey() { return bootstrapKey; }
    public void setBootstrapKey(String bootstrapKey) { this.bootstrapKey = bootstrapKey; }
    public long getMaxJsonBytes() { return maxJsonBytes; }
    public void setMaxJsonBytes(long maxJsonBytes) { this.maxJsonBytes = maxJsonBytes; }
    public Path getStagingDir() { return stagingDir; }
    public void setStagingDir(Path stagingDir) { this.stagingDir = stagingDir; }
    public RateLimit getRateLimit() { return rateLimit; }
    public Downloads getDownloads() { return downloads; }
    public Listing getListing() { return listing; }

    /** A token bucket per API key: {@code burst} requests at once, refilled at {@code requestsPerMinute}. */
    public static class RateLimit {
        private int burst = 60;
        private int requestsPerMinute = 120;

        public int getBurst() { return burst; }
        public void setBurst(int burst) { this.burst = burst; }
        public int getRequestsPerMinute() { return requestsPerMinute; }
        public void setRequestsPerMinute(int requestsPerMinute) { this.requestsPerMinute = requestsPerMinute; }
    }

    /** How media_urls are fetched: bounded in size and time, and never from inside the network unless allowed. */
    public static class Downloads {
        private long maxFileBytes = 100L * 1024 * 1024;
        private long maxTotalBytes = 500L * 1024 * 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        /** Longest silence while reading; a stalled server fails after this. */
        private Duration readTimeout = Duration.ofSeconds(20);
        /** Longest time for one file, however steadily it trickles in. */
        private Duration totalTimeout = Duration.ofMinutes(2);
        private int maxRedirects = 3;
        /** Loopback, private, link-local and unique-local addresses are refused unless this is true (tests). */
        private boolean allowPrivateAddresses;

        public long getMaxFileBytes() { return maxFileBytes; }
        public void setMaxFileBytes(long maxFileBytes) { this.maxFileBytes = maxFileBytes; }
        public long getMaxTotalBytes() { return maxTotalBytes; }
        public void setMaxTotalBytes(long maxTotalBytes) { this.maxTotalBytes = maxTotalBytes; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getReadTimeout() { return readTimeout; }
        public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
        public Duration getTotalTimeout() { return totalTimeout; }
        public void setTotalTimeout(Duration totalTimeout) { this.totalTimeout = totalTimeout; }
        public int getMaxRedirects() { return maxRedirects; }
        public void setMaxRedirects(int maxRedirects) { this.maxRedirects = maxRedirects; }
        public boolean isAllowPrivateAddresses() { return allowPrivateAddresses; }
        public void setAllowPrivateAddresses(boolean allowPrivateAddresses) { this.allowPrivateAddresses = allowPrivateAddresses; }
    }

    /** Page sizes of GET /posts. */
    public static class Listing {
        private int defaultLimit = 20;
        private int maxLimit = 100;

        public int getDefaultLimit() { return defaultLimit; }
        public void setDefaultLimit(int defaultLimit) { this.defaultLimit = defaultLimit; }
        public int getMaxLimit() { return maxLimit; }
        public void setMaxLimit(int maxLimit) { this.maxLimit = maxLimit; }
    }
}
