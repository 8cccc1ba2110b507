package io.igpipe.ingest;

import jakarta.annotation.PostConstruct;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The door of {@code /api/v1}, run before every route there but the OpenAPI document: the caller's API key
 * (401 otherwise), then its request budget (429). The key is taken off the message at once, so no later step can
 * log, echo or forward it; only the key's id travels on, in the {@code apiKeyId} variable.
 */
@Component("apiAuthentication")
public class ApiAuthentication {

    public static final String API_KEY_ID = "apiKeyId";
    /** Keys are 256-bit random values; a configured one shorter than this is almost certainly not random. */
    static final int MIN_BOOTSTRAP_KEY_LENGTH = 32;

    private static final Logger LOG = LoggerFactory.getLogger(ApiAuthentication.class);

    private final ApiKeys keys;
    private final ApiRateLimiter rateLimiter;
    private final ApiSettings settings;

    public ApiAuthentication(ApiKeys keys, ApiRateLimiter rateLimiter, ApiSettings settings) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
    }

    /** igpipe.api.bootstrap-key: recorded (as its digest) once, so a deployment needs no interactive step. */
    @PostConstruct
    void registerBootstrapKey() {
        String bootstrapKey = settings.getBootstrapKey();
        if (bootstrapKey == null || bootstrapKey.isBlank()) {
            return;
        }
        if (bootstrapKey.strip().length() < MIN_BOOTSTRAP_KEY_LENGTH) {
            throw new IllegalStateException("igpipe.api.bootstrap-key must be a random value of at least "
                    + MIN_BOOTSTRAP_KEY_LENGTH + " characters (e.g. openssl rand -base64 32)");
        }
        if (!keys.registerBootstrapKey(bootstrapKey.strip())) {
            LOG.warn("igpipe.api.bootstrap-key was revoked (api-key list); it is refused. Remove the setting.");
        }
    }

    public void admit(Exchange exchange) {
        String authorization = exchange.getMessage().getHeader("Authorization", String.class);
        exchange.getMessage().removeHeader("Authorization");
        ApiKeys.ApiKeyIdentity caller = keys.authenticate(authorization);
        rateLimiter.take(caller.id());
        exchange.setVariable(API_KEY_ID, caller.id());
    }
}
