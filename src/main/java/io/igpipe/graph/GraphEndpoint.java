package io.igpipe.graph;

/**
 * Where the Graph API answers, version included, e.g. {@code https://graph.instagram.com/v25.0} or the
 * embedded sandbox's loopback address.
 */
public record GraphEndpoint(String baseUrl, String apiVersion) {

    public String versionedBaseUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/" + apiVersion;
    }
}
