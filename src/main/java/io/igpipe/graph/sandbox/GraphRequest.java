package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Graph request, read the way Graph reads it: the version prefix is optional, parameters may come in the query
 * string, a form body or a JSON body (arrays and objects become their JSON text, as clients send them URL-encoded),
 * and the token may come as a Bearer header or as {@code access_token} anywhere a parameter can.
 *
 * <p>The rupload path {@code /ig-api-upload/{vNN.0}/{container-id}} is read differently: its body is the raw
 * video, kept as bytes and never parsed, its version sits after the prefix, and its token is taken only from
 * {@code Authorization: OAuth <token>}, as Meta's upload host requires.
 */
final class GraphRequest {

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");
    static final String DEFAULT_VERSION = "v25.0";
    static final String UPLOAD_PREFIX = "ig-api-upload";
    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String path;
    private final String version;
    private final List<String> segments;
    private final Map<String, String> params;
    private final String accessToken;
    private final boolean malformedBody;
    private final Headers headers;
    private final byte[] uploadBody;

    private GraphRequest(String method, String path, String version, List<String> segments,
                         Map<String, String> params, String accessToken, boolean malformedBody, Headers headers,
                         byte[] uploadBody) {
        this.method = method;
        this.path = path;
        this.version = version;
        this.segments = segments;
        this.params = params;
        this.accessToken = accessToken;
        this.malformedBody = malformedBody;
        this.headers = headers;
        this.uploadBody = uploadBody;
    }

    static GraphRequest read(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        List<String> segments = new ArrayList<>();
        for (String raw : uri.getRawPath().split("/")) {
            if (!raw.isEmpty()) {
                segments.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            }
        }
        String version = null;
        if (!segments.isEmpty() && VERSION.matcher(segments.get(0)).matches()) {
            version = segments.remove(0);
        }
        boolean upload = !segments.isEmpty() && segments.get(0).equals(UPLOAD_PREFIX);
        if (upload && segments.size() > 1 && VERSION.matcher(segments.get(1)).matches()) {
            version = segments.remove(1);
        }
        Map<String, String> params = new LinkedHashMap<>();
        putUrlEncoded(params, uri.getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Headers headers = exchange.getRequestHeaders();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (upload) {
            String token = schemeToken(headers.getFirst("Authorization"), "OAuth ");
            return new GraphRequest(method, uri.getRawPath(), version, List.copyOf(segments), params, token, false,
                    headers, body);
        }
        boolean malformed = false;
        if (body.length > 0) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            String text = new String(body, StandardCharsets.UTF_8);
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json")) {
                malformed = !putJson(params, text);
            } else {
                putUrlEncoded(params, text);
            }
        }
        String header = headers.getFirst("Authorization");
        String token = schemeToken(header, "Bearer ");
        if (token == null) {
            token = schemeToken(header, "OAuth ");
        }
        String paramToken = params.remove("access_token");
        return new GraphRequest(method, uri.getRawPath(), version, List.copyOf(segments), params,
                token != null ? token : paramToken, malformed, headers, NO_BODY);
    }

    private static String schemeToken(String authorization, String scheme) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return value.substring(scheme.length()).trim();
        }
        return null;
    }

    private static void putUrlEncoded(Map<String, String> params, String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
    }

    private static boolean putJson(Map<String, String> params, String text) {
        JsonNode root;
        try {
            root = SandboxJson.MAPPER.readTree(text);
        } catch (IOException e) {
            return false;
        }
        if (root == null || !root.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                params.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return true;
    }

    String method() {
        return method;
    }

    String path() {
        return path;
    }

    /** The version the client asked for, or the latest one when it gave none. */
    String versionOrDefault() {
        return version != null ? version : DEFAULT_VERSION;
    }

    List<String> segments() {
        return segments;
    }

    /** The object id the path starts with ({@code /123/media} gives 123), or null. */
    String pathObjectId() {
        return segments.isEmpty() ? null : segments.get(0);
    }

    String param(String name) {
        return params.get(name);
    }

    boolean hasParam(String name) {
        String value = params.get(name);
        return value != null && !value.isEmpty();
    }

    String accessToken() {
        return accessToken;
    }

    boolean malformedBody() {
        return malformedBody;
    }

    /** A call to the rupload endpoint rather than to Graph proper. */
    boolean upload() {
        return !segments.isEmpty() && segments.get(0).equals(UPLOAD_PREFIX);
    }

    /** The container an upload is for, or null when the upload path has no single id after its prefix. */
    String uploadContainerId() {
        return upload() && segments.size() == 2 ? segments.get(1) : null;
    }

    /** The raw body of an upload; empty for other calls. */
    byte[] uploadBody() {
        return uploadBody;
    }

    String header(String name) {
        return headers.getFirst(name);
    }

    /** The media URLs the call names, for fault rules aimed at one image or video. */
    List<String> mediaUrls() {
        List<String> urls = new ArrayList<>();
        for (String url : new String[] {param("image_url"), param("video_url"), header("file_url")}) {
            if (url != null && !url.isBlank()) {
                urls.add(url);
            }
        }
        return urls;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
