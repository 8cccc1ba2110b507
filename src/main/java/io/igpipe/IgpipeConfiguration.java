package io.igpipe;

import java.time.Clock;
import java.util.concurrent.ExecutorService;

import org.apache.camel.CamelContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(IgpipeProperties.class)
public class IgpipeConfiguration {

    public IgpipeConfiguration(IgpipeProperties properties) {
        properties.validate();
    }

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The threads that advance posts. Bounded (by default one per core) because preparing an image is
     * CPU- and memory-heavy; Camel owns the pool so it is shut down with the routes.
     */
    @Bean(name = "postWorkers")
    public ExecutorService postWorkers(CamelContext camelContext, IgpipeProperties properties) {
        int workers = properties.getPipeline().effectiveWorkers();
        return camelContext.getExecutorServiceManager().newFixedThreadPool(this, "post-worker", workers);
    }

    /**
     * Spring Boot's own task executor, which it skips once any Executor bean exists (such as postWorkers). The
     * web layer serving /api/v1 (camel-platform-http) needs it.
     */
    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    public ThreadPoolTaskExecutor applicationTaskExecutor(ObjectProvider<ThreadPoolTaskExecutorBuilder> builder) {
        return builder.getIfAvailable(ThreadPoolTaskExecutorBuilder::new).threadNamePrefix("web-task-").build();
    }
}
