package io.igpipe.ops;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

@Configuration
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    public WebhookConfiguration(WebhookProperties properties) {
        properties.validate();
    }

    /**
     * The threads that POST webhooks, apart from the post workers so a slow receiver never delays a post, and one
     * per delivery so one hanging endpoint holds a single thread, not the others' deliveries. The claim route
     * never takes more deliveries than there are idle threads, so the queue stays short.
     */
    @Bean(name = "webhookSenders", destroyMethod = "shutdownNow")
    public ThreadPoolExecutor webhookSenders(WebhookProperties properties) {
        int senders = properties.getMaxConcurrentDeliveries();
        return new ThreadPoolExecutor(senders, senders, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                new CustomizableThreadFactory("webhook-sender-"));
    }

    /**
     * Retrying is the outbox's decision (with backoff, counted, given up in the end): HttpClient's own retry would
     * silently send the same POST again a second later when a receiver answers 503 or 429.
     */
    @Bean(name = "webhookHttpClient")
    public HttpClientConfigurer webhookHttpClient() {
        return builder -> builder.disableAutomaticRetries();
    }
}
