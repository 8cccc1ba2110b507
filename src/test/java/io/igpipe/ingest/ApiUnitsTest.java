package io.igpipe.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's pieces that need no running application: the code table, the budget, the download guard, sniffing. */
class ApiUnitsTest {

    @Test
    void theOpenApiDocumentNamesExactlyTheCodesTheApiAnswersWith() throws Exception {
        JsonNode document;
        try (InputStream in = getClass().getResourceAsStream("/openapi/igpipe-api-v1.json")) {
            document = new ObjectMapper().readTree(in);
        }
        List<String> documented = new ArrayList<>();
        document.at("/components/schemas/ErrorEnvelope/properties/code/enum").forEach(code -> documented.add(code.asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ApiErrorCode.values()).map(Enum::name).toList());
    }

    @Test
    void aKeyGetsItsBurstThenOneRequestPerRefillInterval() {
        ApiSettings.RateLimit limit = new ApiSettings.RateLimit();
        limit.setBurst(2);
        limit.setRequestsPerMinute(60);
        AtomicLong now = new AtomicLong();
        ApiRateLimiter limiter = new ApiRateLimiter(limit, now::get);
        limiter.take("a");
        limiter.take("a");
        assertThatThrownBy(() -> limiter.take("a")).isInstanceOfSatisfying(ApiException.class, refusal -> {
            assertThat(refusal.getCode()).isEqualTo("RATE_LIMITED");
            assertThat(refusal.getRetryAfterSeconds()).isEqualTo(1);
        });
        limiter.take("b");
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        limiter.take("a");
        assertThatThrownBy(() -> limiter.take("a")).isInstanceOf(ApiException.class);
        now.addAndGet(TimeUnit.DAYS.toNanos(3650));
        limiter.take("a");
        limiter.take("a");
        assertThatThrownBy(() -> limiter.take("a")).as("a long pause refills to the burst, not beyond")
                .isInstanceOf(ApiException.class);
    }

    @Test
    void internalAddressesAreRecognised() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:127.0.0.1")) {
            assertThat(ApiMediaDownloader.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
        }
        for (String external : List.of("8.8.8.8", "151.101.1.1", "2a03:2880:f10c:83:face:b00c:0:25de")) {
            assertThat(ApiMediaDownloader.isInternal(InetAddress.getByName(external))).as(external).isFalse();
        }
    }

    @Test
    void aLoopbackUrlIsRefusedUnlessAllowed(@TempDir Path folder) {
        ApiMediaDownloader downloader = new ApiMediaDownloader(new ApiSettings());
        assertThatThrownBy(() -> downloader.download("http://127.0.0.1:9/photo.jpg?sig=secret",
                folder.resolve("x"), downloader.newBudget()))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.getCode()).isEqualTo("INVALID_PARAM");
                    assertThat(refusal.getMessage()).contains("http://127.0.0.1:9/photo.jpg").doesNotContain("secret");
                });
        assertThatThrownBy(() -> downloader.download("file:///etc/passwd", folder.resolve("y"), downloader.newBudget()))
                .isInstanceOfSatisfying(ApiException.class, refusal -> assertThat(refusal.getCode())
                        .isEqualTo("INVALID_PARAM"));
    }

    @Test
    void clientFileNamesLoseTheirPathAndOddCharacters() {
        assertThat(PostSubmissions.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(PostSubmissions.safeName("C:\\photos\\my photo.jpg")).isEqualTo("my_photo.jpg");
        assertThat(PostSubmissions.safeName("..")).isEqualTo("media");
        assertThat(PostSubmissions.safeName(null)).isEqualTo("media");
    }
}
