package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.StringJoiner;

/** Talks to the sandbox over loopback HTTP the way a Graph client does. */
final class GraphTestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP answer; {@code json} is null when the body is not JSON. */
    record Answer(int status, HttpHeaders headers, String body, JsonNode json) {

        JsonNode error() {
            return json.path("error");
        }

        int code() {
            return error().path("code").asInt();
        }

        Integer subcode() {
            JsonNode subcode = error().get("error_subcode");
            return subcode == null ? null : subcode.asInt();
        }

        String id() {
            return json.path("id").asText();
        }

        /** The failure inside a rupload answer: {@code debug_info.message} is itself JSON. */
        JsonNode uploadFailure() {
            try {
                return JSON.readTree(json.path("debug_info").path("message").asText());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        JsonNode bucUsage(String igUserId) {
            try {
                return JSON.readTree(header("X-Business-Use-Case-Usage").orElseThrow()).path(igUserId).path(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI base;

    GraphTestClient(URI base) {
        this.base = base;
    }

    Answer get(String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        return send(withToken(request, token).build());
    }

    /** POSTs form fields given as name, value, name, value... */
    Answer postForm(String path, String token, String... fields) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        return send(withToken(request, token).build());
    }

    Answer postJson(String path, String token, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(withToken(request, token).build());
    }

    /**
     * POSTs bytes to a rupload URI (absolute, as {@code POST /media} returned it) with {@code authorization} as the
     * whole Authorization header ("OAuth token"), {@code offset} and {@code file_size}.
     */
    Answer upload(String uri, String authorization, long offset, long fileSize, byte[] chunk) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("offset", Long.toString(offset))
                .header("file_size", Long.toString(fileSize))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(chunk));
        return send(withAuthorization(request, authorization).build());
    }

    /** POSTs to a rupload URI with a {@code file_url} header and no body: the sandbox fetches the file. */
    Answer uploadFromUrl(String uri, String authorization, String fileUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .header("file_url", fileUrl)
                .POST(HttpRequest.BodyPublishers.noBody());
        return send(withAuthorization(request, authorization).build());
    }

    Answer delete(String path, String token) {
        return send(withToken(HttpRequest.newBuilder(base.resolve(path)).DELETE(), token).build());
    }

    Answer send(HttpRequest request) {
        try {
            return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends and lets the I/O failure through, for tests of dropped connections and client timeouts. */
    Answer sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path));
    }

    static HttpRequest.BodyPublisher formBody(String... fields) {
        return HttpRequest.BodyPublishers.ofString(form(fields));
    }

    private static Answer answer(HttpResponse<String> response) {
        JsonNode json = null;
        if (response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Answer(response.statusCode(), response.headers(), response.body(), json);
    }

    private static HttpRequest.Builder withAuthorization(HttpRequest.Builder request, String authorization) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private static HttpRequest.Builder withToken(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    static String form(String... fields) {
        StringJoiner joined = new StringJoiner("&");
        for (int i = 0; i < fields.length; i += 2) {
            joined.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
        }
        return joined.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
