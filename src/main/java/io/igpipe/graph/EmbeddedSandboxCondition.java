package io.igpipe.graph;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no Graph base URL is configured: the embedded sandbox stands in for Instagram. */
class EmbeddedSandboxCondition implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String baseUrl = context.getEnvironment().getProperty("igpipe.graph.base-url");
        return baseUrl == null || baseUrl.isBlank();
    }
}
