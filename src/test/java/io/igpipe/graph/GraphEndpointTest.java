package io.igpipe.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphEndpointTest {

    @Test
    void appendsTheConfiguredVersion() {
        assertThat(new GraphEndpoint("https://graph.instagram.com", "v25.0").versionedBaseUrl())
                .isEqualTo("https://graph.instagram.com/v25.0");
        assertThat(new GraphEndpoint("http://127.0.0.1:9000/", "v25.0").versionedBaseUrl())
                .isEqualTo("http://127.0.0.1:9000/v25.0");
    }

    @Test
    void keepsAVersionAlreadyInTheBaseUrl() {
        assertThat(new GraphEndpoint("http://127.0.0.1:9000/v24.0", "v25.0").versionedBaseUrl())
                .isEqualTo("http://127.0.0.1:9000/v24.0");
    }
}
