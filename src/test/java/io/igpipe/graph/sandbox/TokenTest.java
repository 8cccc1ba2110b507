package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens: how they may be sent, what each broken state answers, refreshing, and object ownership. */
class TokenTest extends SandboxTestSupport {

    private static final String ME = V + "me?fields=user_id,username";

    @Test
    void requiresAToken() {
        Answer answer = graph.get(ME, null);

        assertGraphError(answer, 104, null);
        assertThat(answer.error().path("message").asText())
                .isEqualTo("An access token is required to request this resource.");
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).contains("invalid_token"));
    }

    @Test
    void refusesAnUnknownToken() {
        Answer answer = graph.get(ME, "EAAnot-a-real-token");

        assertGraphError(answer, 190, null);
        assertThat(answer.error().path("message").asText())
                .isEqualTo("Invalid OAuth access token - Cannot parse access token");
        assertThat(answer.body()).doesNotContain("EAAnot-a-real-token");
    }

    @Test
    void takesTheTokenFromHeaderQueryFormOrJson() {
        assertThat(graph.get(ME, SHOP_TOKEN).status()).isEqualTo(200);
        assertThat(graph.get(ME + "&access_token=" + SHOP_TOKEN, null).status()).isEqualTo(200);
        assertThat(graph.send(graph.request(V + SHOP + "/media_publish")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(GraphTestClient.formBody("access_token", SHOP_TOKEN, "creation_id", "1")).build())
                .code()).as("authenticated, then refused for the unknown container").isEqualTo(24);
        assertThat(graph.postJson(V + SHOP + "/media_publish", null,
                "{\"access_token\":\"" + SHOP_TOKEN + "\",\"creation_id\":\"1\"}").code()).isEqualTo(24);
        assertThat(graph.send(graph.request(ME).header("Authorization", "OAuth " + SHOP_TOKEN).GET().build())
                .status()).isEqualTo(200);
    }

    @Test
    void answersEachBrokenTokenStateWithItsSubcode() {
        assertTokenState(TokenState.EXPIRED, 463, "Session has expired on");
        assertTokenState(TokenState.REVOKED, 467, "user logged out");
        assertTokenState(TokenState.PASSWORD_CHANGED, 460, "changed their password");
        assertTokenState(TokenState.APP_REMOVED, 458, "has not authorized application");

        sandbox.setTokenState(SHOP_TOKEN, TokenState.VALID);
        assertThat(graph.get(ME, SHOP_TOKEN).status()).isEqualTo(200);
    }

    @Test
    void expiresTokensSixtyDaysAfterIssue() {
        clock.advance(Duration.ofDays(60));

        Answer answer = graph.get(ME, SHOP_TOKEN);

        assertGraphError(answer, 190, 463);
    }

    @Test
    void refusesObjectsOfAnotherAccountOrUnknownIds() {
        Answer foreign = graph.postForm(V + OTHER + "/media", SHOP_TOKEN, "image_url", origin.url("/landscape.jpg"));
        assertGraphError(foreign, 100, 33);
        assertThat(foreign.error().path("message").asText()).isEqualTo("Unsupported post request. Object with ID '"
                + OTHER + "' does not exist, cannot be loaded due to missing permissions, or does not support this "
                + "operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api");
        assertGraphError(graph.get(V + "17000000000000000?fields=id", SHOP_TOKEN), 100, 33);
        assertGraphError(graph.get(V + OTHER + "/content_publishing_limit", SHOP_TOKEN), 100, 33);
        assertThat(sandbox.snapshot().containers()).isEmpty();
    }

    @Test
    void refreshesOnlyTokensAtLeastOneDayOld() {
        String refresh = "/refresh_access_token?grant_type=ig_refresh_token&access_token=" + SHOP_TOKEN;

        Answer tooYoung = graph.get(refresh, null);
        assertGraphError(tooYoung, 100, null);
        assertThat(tooYoung.error().path("message").asText()).contains("at least 24 hours old");

        clock.advance(Duration.ofHours(24));
        Answer refreshed = graph.get(refresh, null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().path("access_token").asText()).isEqualTo(SHOP_TOKEN);
        assertThat(refreshed.json().path("token_type").asText()).isEqualTo("bearer");
        assertThat(refreshed.json().path("expires_in").asLong()).isEqualTo(5_184_000L);

        clock.advance(Duration.ofDays(59));
        assertThat(graph.get(ME, SHOP_TOKEN).status()).as("60 days count from the refresh").isEqualTo(200);
        assertGraphError(graph.get("/refresh_access_token?grant_type=other&access_token=" + SHOP_TOKEN, null),
                100, null);
        assertThat(sandbox.snapshot().calls(EndpointKind.TOKEN_REFRESH)).hasSize(3);
    }

    @Test
    void cannotRefreshAnExpiredToken() {
        clock.advance(Duration.ofDays(2));
        sandbox.setTokenState(SHOP_TOKEN, TokenState.EXPIRED);

        assertGraphError(graph.get("/refresh_access_token?grant_type=ig_refresh_token&access_token=" + SHOP_TOKEN,
                null), 190, 463);
    }

    @Test
    void neverExposesTheTokenInASnapshot() {
        assertThat(sandbox.snapshot().toString()).doesNotContain(SHOP_TOKEN);
        assertThat(sandbox.snapshot().account(SHOP).orElseThrow().tokens())
                .extracting(SandboxSnapshot.TokenView::hint).containsExactly("…0001");
        assertThat(graph.send(graph.request("/__sandbox/state").GET().build()).body()).doesNotContain(SHOP_TOKEN);
    }

    private void assertTokenState(TokenState state, int subcode, String messagePart) {
        sandbox.setTokenState(SHOP_TOKEN, state);
        Answer answer = graph.get(ME, SHOP_TOKEN);
        assertGraphError(answer, 190, subcode);
        assertThat(answer.error().path("message").asText()).contains(messagePart);
        assertThat(answer.status()).isEqualTo(400);
    }
}
