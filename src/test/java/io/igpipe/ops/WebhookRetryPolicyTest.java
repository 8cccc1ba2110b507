package io.igpipe.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookRetryPolicyTest {

    @Test
    void theWaitGrowsByTheMultiplierUpToTheMaximum() {
        WebhookRetryPolicy policy = new WebhookRetryPolicy(settings(0.0));

        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofSeconds(90));
        assertThat(policy.delayAfter(4)).as("capped").isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(30)).as("capped").isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void jitterAddsUpToItsFractionAndNeverShortensTheWait() {
        WebhookRetryPolicy policy = new WebhookRetryPolicy(settings(0.5));

        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayAfter(2)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(45));
        }
    }

    @Test
    void givesUpOnceMaxAttemptsWereMade() {
        WebhookRetryPolicy policy = new WebhookRetryPolicy(settings(0.0));

        assertThat(policy.exhausted(4)).isFalse();
        assertThat(policy.exhausted(5)).isTrue();
    }

    private static WebhookProperties settings(double jitter) {
        WebhookProperties properties = new WebhookProperties();
        properties.setInitialBackoff(Duration.ofSeconds(10));
        properties.setMultiplier(3.0);
        properties.setMaxBackoff(Duration.ofMinutes(2));
        properties.setMaxAttempts(5);
        properties.setJitter(jitter);
        return properties;
    }
}
