package io.igpipe.graph;

import java.util.regex.Pattern;

/**
 * Where the Graph API answers, version included, e.g. {@code https://graph.instagram.com/v25.0} or the
 * embedded sandbox's loopback address. A base URL that already ends in a version is taken as it is.
 */
public record GraphEndpoint(String baseUrl, String apiVersion) {

    private static final Pattern ENDS_WITH_VERSION = Pattern.compile(".*/v\\d+\\.\\d+$");

    public String versionedBaseUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return ENDS_WITH_VERSION.matcher(base).matches() ? base : base + "/" + apiVersion;
    }

    /** The host without a version, for the few endpoints that take none (refresh_access_token). */
    public String unversionedBaseUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return ENDS_WITH_VERSION.matcher(base).matches() ? base.substring(0, base.lastIndexOf('/')) : base;
    }
}
