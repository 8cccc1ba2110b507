package io.igpipe.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings under {@code igpipe.webhooks}, documented next to their defaults in {@code config/application.yaml}.
 * No endpoint is configured by default, and then events are not recorded at all.
 */
@ConfigurationProperties(prefix = "igpipe.webhooks")
public class WebhookProperties {

    private List<Endpoint> endpoints = new ArrayList<>();
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(10);
    private int maxAttempts = 10;
    private Duration initialBackoff = Duration.ofSeconds(10);
    private Duration maxBackoff = Duration.ofHours(1);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private int maxConcurrentDeliveries = 4;

    /** Fails start-up with a clear message rather than letting every delivery fail later. */
    public void validate() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            String where = "igpipe.webhooks.endpoints[" + i + "]";
            if (endpoint.getName() == null || !endpoint.getName().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                throw new IllegalStateException(where + ".name must be a simple name (letters, digits, . _ -)");
            }
            if (!names.add(endpoint.getName())) {
                throw new IllegalStateException(where + ".name '" + endpoint.getName() + "' is used twice");
            }
            requireHttpUrl(where, endpoint.getUrl());
            boolean noSecret = endpoint.getSecret() == null || endpoint.getSecret().isBlank();
            if (noSecret == (endpoint.getSecretFile() == null)) {
                throw new IllegalStateException(where + " needs exactly one of secret and secret-file (endpoint '"
                        + endpoint.getName() + "'): every delivery is signed");
            }
            if (endpoint.getSecretFile() != null && !Files.isReadable(endpoint.getSecretFile())) {
                throw new IllegalStateException(where + ".secret-file " + endpoint.getSecretFile() + " is not readable");
            }
            for (String event : endpoint.getEvents()) {
                if (WebhookEventType.fromWireName(event).isEmpty()) {
                    throw new IllegalStateException(where + ".events names an unknown event '" + event
                            + "' (known: post.published, post.failed, account.paused)");
                }
            }
        }
        requirePositive("timeout", timeout);
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("poll-interval", pollInterval);
        requirePositive("initial-backoff", initialBackoff);
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalStateException("igpipe.webhooks.max-backoff must not be shorter than initial-backoff");
        }
        if (maxAttempts < 1 || maxConcurrentDeliveries < 1) {
            throw new IllegalStateException("igpipe.webhooks.max-attempts and max-concurrent-deliveries must be at least 1");
        }
        if (multiplier < 1.0 || jitter < 0.0 || jitter > 1.0) {
            throw new IllegalStateException("igpipe.webhooks.multiplier must be >= 1 and jitter between 0 and 1");
        }
    }

    private static void requireHttpUrl(String where, String url) {
        try {
            URI uri = new URI(url == null ? "" : url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null) {
                throw new IllegalStateException(where + ".url must be an absolute http:// or https:// URL");
            }
        } catch (URISyntaxException e) {
            // the URL itself is not repeated: it may carry a token in its path or query
            throw new IllegalStateException(where + ".url is not a valid URL");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalStateException("igpipe.webhooks." + name + " must be positive");
        }
    }

    public Optional<Endpoint> endpoint(String name) {
        return endpoints.stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    /**
     * How long a claimed delivery belongs to this instance: enough to wait for a free sender, connect and read
     * the answer, with room to spare, so a healthy instance never loses a lease mid-request.
     */
    public Duration leaseDuration() {
        return connectTimeout.plus(timeout).multipliedBy(2).plusSeconds(30);
    }

    public List<Endpoint> getEndpoints() { return endpoints; }
    public void setEndpoints(List<Endpoint> endpoints) { this.endpoints = endpoints; }
    public Duration getPollInterval() { return pollInterval; }
    public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
    public Duration getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public int getMaxAttempts() { return maxAttempts; }
    public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
    public Duration getInitialBackoff() { return initialBackoff; }
    public void setInitialBackoff(Duration initialBackoff) { this.initialBackoff = initialBackoff; }
    public Duration getMaxBackoff() { return maxBackoff; }
    public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
    public double getMultiplier() { return multiplier; }
    public void setMultiplier(double multiplier) { this.multiplier = multiplier; }
    public double getJitter() { return jitter; }
    public void setJitter(double jitter) { this.jitter = jitter; }
    public int getMaxConcurrentDeliveries() { return maxConcurrentDeliveries; }
    public void setMaxConcurrentDeliveries(int maxConcurrentDeliveries) { this.maxConcurrentDeliveries = maxConcurrentDeliveries; }

    public static class Endpoint {
        private String name;
        private String url;
        private String secret;
        private Path secretFile;
        private List<String> events = allEvents();

        private static List<String> allEvents() {
            List<String> all = new ArrayList<>();
            for (WebhookEventType type : WebhookEventType.values()) {
                all.add(type.wireName());
            }
            return all;
        }

        public boolean subscribesTo(WebhookEventType type) {
            return events.contains(type.wireName());
        }

        /** Read at every signature, so a rotated secret file takes effect without a restart. */
        public byte[] signingSecret() {
            if (secretFile == null) {
                return secret.getBytes(StandardCharsets.UTF_8);
            }
            try {
                return Files.readString(secretFile, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the secret-file of webhook endpoint '" + name + "'", e);
            }
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public Path getSecretFile() { return secretFile; }
        public void setSecretFile(Path secretFile) { this.secretFile = secretFile; }
        public List<String> getEvents() { return events; }
        public void setEvents(List<String> events) { this.events = events; }

        @Override
        public String toString() {
            // Neither the secret nor the URL (which may carry a token of the receiver): this ends up in logs.
            return "WebhookEndpoint[" + name + ", events=" + events + "]";
        }
    }
}
