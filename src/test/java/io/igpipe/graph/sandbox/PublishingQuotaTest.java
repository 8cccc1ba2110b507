package io.igpipe.graph.sandbox;

import io.igpipe.graph.sandbox.GraphTestClient.Answer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The publishing quota: successful publishes per account in a rolling window, enforced at media_publish only. */
class PublishingQuotaTest extends SandboxTestSupport {

    @Override
    SandboxSettings.Builder customize(SandboxSettings.Builder settings) {
        return settings.publishQuota(3);
    }

    @Test
    void refusesPublishesOverTheQuotaUntilTheOldestAgesOut() {
        publishOne();
        clock.advance(Duration.ofHours(12));
        publishOne();
        publishOne();
        String waiting = finishedContainer();

        Answer refused = publish(waiting);

        assertGraphError(refused, 9, 2207042);
        assertThat(refused.error().path("message").asText()).isEqualTo("Application request limit reached");
        assertThat(refused.error().path("error_user_msg").asText())
                .isEqualTo("The user has reached the maximum number of posts allowed in 24 hours");
        assertThat(containerStatus(waiting).json().path("status_code").asText()).isEqualTo("FINISHED");
        assertThat(graph.postForm(V + SHOP + "/media", SHOP_TOKEN, "image_url", origin.url("/landscape.jpg"))
                .status()).as("the quota does not stop container creation").isEqualTo(200);

        clock.advance(Duration.ofHours(11));
        assertGraphError(publish(waiting), 9, 2207042);

        clock.advance(Duration.ofHours(1));
        assertThat(publish(waiting).status()).as("the first publish left the window").isEqualTo(200);
        assertThat(sandbox.snapshot().quotaUsage(SHOP)).isEqualTo(3);
    }

    @Test
    void reportsUsageAndConfiguration() {
        publishOne();
        publishOne();

        Answer limit = graph.get(V + SHOP + "/content_publishing_limit?fields=quota_usage,config", SHOP_TOKEN);

        assertThat(limit.status()).isEqualTo(200);
        assertThat(limit.body()).isEqualTo(
                "{\"data\":[{\"quota_usage\":2,\"config\":{\"quota_total\":3,\"quota_duration\":86400}}]}");
        assertThat(graph.get(V + SHOP + "/content_publishing_limit", SHOP_TOKEN).body())
                .isEqualTo("{\"data\":[{\"quota_usage\":2}]}");
        assertThat(graph.get(V + OTHER + "/content_publishing_limit", OTHER_TOKEN).body())
                .isEqualTo("{\"data\":[{\"quota_usage\":0}]}");
    }

    @Test
    void countsOnlyPublishesAfterSince() {
        publishOne();
        clock.advance(Duration.ofHours(1));
        long since = clock.instant().getEpochSecond();
        clock.advance(Duration.ofMinutes(1));
        publishOne();

        Answer limit = graph.get(V + SHOP + "/content_publishing_limit?fields=quota_usage&since=" + since,
                SHOP_TOKEN);

        assertThat(limit.json().path("data").path(0).path("quota_usage").asInt()).isEqualTo(1);
    }

    @Test
    void failedPublishesDoNotCount() {
        String early = createLandscape().id();
        assertGraphError(publish(early), 9007, 2207027);

        assertThat(graph.get(V + SHOP + "/content_publishing_limit", SHOP_TOKEN).json()
                .path("data").path(0).path("quota_usage").asInt()).isZero();
    }

    @Test
    void holdsUnderConcurrentPublishes() throws Exception {
        List<String> containers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            containers.add(createLandscape().id());
        }
        finishProcessing();
        List<String> attempts = new ArrayList<>(containers);
        attempts.addAll(containers);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (String containerId : attempts) {
                answers.add(pool.submit(() -> publish(containerId)));
            }
            int published = 0;
            for (Future<Answer> answer : answers) {
                if (answer.get().status() == 200) {
                    published++;
                }
            }
            assertThat(published).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sandbox.snapshot().publishedBy(SHOP)).hasSize(3)
                .extracting(SandboxSnapshot.MediaView::containerId).doesNotHaveDuplicates();
    }

    private void publishOne() {
        Answer published = publish(finishedContainer());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }
}
