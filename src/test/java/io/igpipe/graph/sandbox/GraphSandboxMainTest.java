package io.igpipe.graph.sandbox;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone launcher's options. */
class GraphSandboxMainTest {

    @Test
    void readsEveryOption() {
        GraphSandboxMain.Launch launch = GraphSandboxMain.parse(new String[] {
                "--port", "8088", "--account", "1784:shop:tok:en", "--account=1785:other:t2",
                "--processing-delay-ms", "250", "--publish-quota=50", "--state-file", "/tmp/s.json",
                "--video-processing-delay-ms", "1500"});

        assertThat(launch.settings().port()).isEqualTo(8088);
        assertThat(launch.settings().imageProcessingDelay()).isEqualTo(Duration.ofMillis(250));
        assertThat(launch.settings().videoProcessingDelay()).isEqualTo(Duration.ofMillis(1500));
        assertThat(launch.settings().publishQuota()).isEqualTo(50);
        assertThat(launch.settings().stateFile()).isEqualTo(Path.of("/tmp/s.json"));
        assertThat(launch.settings().host()).isEqualTo("127.0.0.1");
        assertThat(launch.accounts()).hasSize(2);
        assertThat(launch.accounts().get(0)).containsExactly("1784", "shop", "tok:en");
    }

    @Test
    void refusesBadOptions() {
        assertThatThrownBy(() -> GraphSandboxMain.parse(new String[] {"--port"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphSandboxMain.parse(new String[] {"--account", "only:two"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphSandboxMain.parse(new String[] {"--publish-quota", "many"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GraphSandboxMain.parse(new String[] {"--colour", "blue"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
