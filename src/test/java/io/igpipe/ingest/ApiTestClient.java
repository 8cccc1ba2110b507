package io.igpipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to the running application over loopback like any client, and checks every answer against the OpenAPI
 * document the application serves: status, headers and body must be ones the document declares for the operation.
 */
public final class ApiTestClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private OpenApiInteractionValidator contract;

    public ApiTestClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** One answer, its body parsed when it is JSON. */
    public record Reply(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    HttpRequest.Builder request(String pathAndQuery, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    public Reply get(String pathAndQuery, String key) {
        return send(request(pathAndQuery, key).GET(), "GET", pathAndQuery);
    }

    public Reply delete(String pathAndQuery, String key) {
        return send(request(pathAndQuery, key).DELETE(), "DELETE", pathAndQuery);
    }

    public Reply postJson(String pathAndQuery, String key, String body, String idempotencyKey) {
        HttpRequest.Builder builder = request(pathAndQuery, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder, "POST", pathAndQuery);
    }

    public Reply postMultipart(String key, Multipart form, String idempotencyKey) {
        HttpRequest.Builder builder = request("/api/v1/posts", key).header("Content-Type", form.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder, "POST", "/api/v1/posts");
    }

    Reply send(HttpRequest.Builder builder, String method, String pathAndQuery) {
        HttpResponse<String> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Reply reply = new Reply(response.statusCode(), response.headers(), response.body());
        if (pathAndQuery.startsWith("/api/")) {
            assertMatchesContract(reply, method, pathAndQuery);
        }
        return reply;
    }

    /** The answer is one the served OpenAPI document declares for this operation. */
    private void assertMatchesContract(Reply reply, String method, String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status()).withBody(reply.body());
        reply.headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = contract().validateResponse(path, Request.Method.valueOf(method), response.build());
        assertThat(report.hasErrors()).as("%s %s answered %s %s, which the OpenAPI document does not allow:%n%s",
                method, path, reply.status(), reply.body(), report).isFalse();
    }

    private OpenApiInteractionValidator contract() {
        if (contract == null) {
            HttpRequest fetch = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/openapi.json")).GET().build();
            try {
                String document = http.send(fetch, HttpResponse.BodyHandlers.ofString()).body();
                contract = OpenApiInteractionValidator.createForInlineApiSpecification(document).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return contract;
    }

    /** A multipart/form-data body, built part by part. */
    public static final class Multipart {
        private final String boundary = "igpipe-" + UUID.randomUUID();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        public Multipart post(String fieldsJson) {
            return part("post", null, "application/json", fieldsJson.getBytes(StandardCharsets.UTF_8));
        }

        public Multipart file(String fileName, byte[] content) {
            return part("file", fileName, "application/octet-stream", content);
        }

        public Multipart files(List<byte[]> contents) {
            for (int i = 0; i < contents.size(); i++) {
                file("photo-" + i + ".jpg", contents.get(i));
            }
            return this;
        }

        public Multipart part(String name, String fileName, String contentType, byte[] content) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                    + "\r\nContent-Type: " + contentType + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream complete = new ByteArrayOutputStream();
            complete.writeBytes(out.toByteArray());
            complete.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return complete.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }
}
