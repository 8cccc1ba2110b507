package io.igpipe.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void removesKnownTokensWherever_they_appear() {
        String text = "failed for token EAAGm0PX4ZCpsBAL in {\"message\":\"bad EAAGm0PX4ZCpsBAL\"}";
        assertThat(SecretRedactor.redact(text, List.of("EAAGm0PX4ZCpsBAL")))
                .doesNotContain("EAAGm0PX4ZCpsBAL").contains("***");
    }

    @Test
    void removesTokensInUrlsHeadersAndJsonEvenWhenUnknown() {
        String text = "GET /v25.0/me?fields=id&access_token=IGQVJ123abc&x=1 Authorization: Bearer IGQVJ999 "
                + "OAuth IGQVJ777 {\"access_token\":\"IGQVJ555\"}";
        String redacted = SecretRedactor.redact(text, List.of());
        assertThat(redacted).doesNotContain("IGQVJ123abc", "IGQVJ999", "IGQVJ777", "IGQVJ555")
                .contains("access_token=***&x=1", "Bearer ***", "OAuth ***", "\"access_token\":\"***");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        assertThat(SecretRedactor.redact("code 9007 subcode 2207027", List.of("tok1"))).isEqualTo("code 9007 subcode 2207027");
        assertThat(SecretRedactor.redact(null, List.of("tok1"))).isNull();
    }
}
