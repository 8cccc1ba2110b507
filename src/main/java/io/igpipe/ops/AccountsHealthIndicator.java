package io.igpipe.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.igpipe.ledger.AccountStates;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each account's token state (ACTIVE, or PAUSED with the Graph error that paused it), holds and quota, never
 * the token. DOWN only when every account is paused: then nothing can be published at all.
 */
@Component("accounts")
public class AccountsHealthIndicator implements HealthIndicator {

    private final AccountStates accounts;

    public AccountsHealthIndicator(AccountStates accounts) {
        this.accounts = accounts;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        int paused = 0;
        int total = 0;
        for (Map<String, Object> state : accounts.all()) {
            total++;
            Map<String, Object> account = new LinkedHashMap<>();
            boolean isPaused = state.get("paused_at") != null;
            paused += isPaused ? 1 : 0;
            account.put("token", isPaused ? "PAUSED" : "ACTIVE");
            putIfPresent(account, "pausedAt", state.get("paused_at"));
            putIfPresent(account, "pauseCode", state.get("pause_code"));
            putIfPresent(account, "pauseReason", state.get("pause_reason"));
            putIfPresent(account, "holdUntil", state.get("hold_until"));
            putIfPresent(account, "publishHoldUntil", state.get("publish_hold_until"));
            putIfPresent(account, "quotaUsed", state.get("quota_used"));
            putIfPresent(account, "quotaTotal", state.get("quota_total"));
            putIfPresent(account, "usagePercent", state.get("usage_percent"));
            details.put(String.valueOf(state.get("account")), account);
        }
        return (total > 0 && paused == total ? Health.down() : Health.up()).withDetails(details).build();
    }

    private static void putIfPresent(Map<String, Object> target, String key, Object value) {
        if (value != null) {
            target.put(key, value instanceof java.time.temporal.TemporalAccessor ? value.toString() : value);
        }
    }
}
