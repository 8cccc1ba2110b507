package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** /__sandbox: accounts, token states, the state dump and reset, for operators and out-of-process tests. */
class AdminApiTest extends SandboxTestSupport {

    @Test
    void registersAccountsAndChangesTokenStates() {
        Answer registered = admin("POST", "/__sandbox/accounts",
                "{\"igUserId\":\"17841400000000003\",\"username\":\"third\",\"accessToken\":\"EAAthird-0003\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        assertThat(graph.get(V + "me?fields=username", "EAAthird-0003").json().path("username").asText())
                .isEqualTo("third");

        assertThat(admin("POST", "/__sandbox/tokens", "{\"accessToken\":\"EAAthird-0003\",\"state\":\"EXPIRED\"}")
                .status()).isEqualTo(200);
        assertGraphError(graph.get(V + "me", "EAAthird-0003"), 190, 463);

        assertThat(admin("POST", "/__sandbox/tokens", "{\"accessToken\":\"unknown\",\"state\":\"EXPIRED\"}")
                .status()).isEqualTo(400);
        assertThat(admin("POST", "/__sandbox/tokens", "{\"accessToken\":\"EAAthird-0003\",\"state\":\"SLEEPY\"}")
                .status()).isEqualTo(400);
        assertThat(admin("POST", "/__sandbox/accounts", "{\"igUserId\":\"1\"}").status()).isEqualTo(400);
    }

    @Test
    void takesAFaultRuleAimedAtOneUploadedFile() {
        Answer added = admin("POST", "/__sandbox/faults", "{\"endpoint\":\"RESUMABLE_UPLOAD\","
                + "\"mediaUrlContains\":\"broken-upload\",\"error\":{\"code\":-1,\"error_subcode\":2207053}}");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.json().path("mediaUrlContains").asText()).isEqualTo("broken-upload");
        String good = serveVideo("good-upload.mp4", TestVideos.reel());
        String broken = serveVideo("broken-upload.mp4", TestVideos.reel());
        String uri = graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "media_type", "REELS", "upload_type",
                "resumable").json().path("uri").asText();
        String otherUri = graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "media_type", "REELS", "upload_type",
                "resumable").json().path("uri").asText();

        Answer failed = graph.uploadFromUrl(uri, "OAuth " + SHOP_TOKEN, broken);
        Answer passed = graph.uploadFromUrl(otherUri, "OAuth " + SHOP_TOKEN, good);

        assertThat(failed.uploadFailure().path("error").path("error_subcode").asInt()).isEqualTo(2207053);
        assertThat(passed.status()).as(passed.body()).isEqualTo(200);
    }

    @Test
    void dumpsTheStateAsJson() {
        String containerId = finishedContainer("caption", "dumped");
        String mediaId = publish(containerId).id();

        JsonNode state = admin("GET", "/__sandbox/state", null).json();

        assertThat(state.path("accounts")).hasSize(2);
        assertThat(state.path("accounts").get(0).path("quotaUsage").asInt()).isEqualTo(1);
        assertThat(state.path("containers").get(0).path("id").asText()).isEqualTo(containerId);
        assertThat(state.path("containers").get(0).path("statusCode").asText()).isEqualTo("PUBLISHED");
        assertThat(state.path("containers").get(0).path("image").path("encoding").asText()).isEqualTo("BASELINE");
        assertThat(state.path("media").get(0).path("id").asText()).isEqualTo(mediaId);
        assertThat(state.path("calls")).hasSize(2);
        assertThat(state.path("calls").get(1).path("endpoint").asText()).isEqualTo("MEDIA_PUBLISH");
        assertThat(state.path("calls").get(1).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(state.path("calls").get(1).path("igUserId").asText()).isEqualTo(SHOP);
    }

    @Test
    void resetKeepsOnlyAccounts() {
        publish(finishedContainer());
        sandbox.faults().add(FaultRule.on(EndpointKind.MEDIA_LIST).error(1, null).build());

        assertThat(admin("POST", "/__sandbox/reset", null).status()).isEqualTo(200);

        SandboxSnapshot snapshot = sandbox.snapshot();
        assertThat(snapshot.containers()).isEmpty();
        assertThat(snapshot.media()).isEmpty();
        assertThat(snapshot.calls()).isEmpty();
        assertThat(sandbox.faults().list()).isEmpty();
        assertThat(snapshot.accounts()).hasSize(2);
        assertThat(graph.get(V + SHOP + "/media", SHOP_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void adminCallsAreNotGraphCalls() {
        admin("GET", "/__sandbox/state", null);
        Answer unknown = admin("GET", "/__sandbox/nothing", null);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(sandbox.snapshot().calls()).isEmpty();
    }

    private Answer admin(String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        return graph.send(graph.request(path).header("Content-Type", "application/json").method(method, body)
                .build());
    }
}
