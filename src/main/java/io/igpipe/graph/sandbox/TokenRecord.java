package io.igpipe.graph.sandbox;

import java.time.Instant;

/**
 * An access token and whom it speaks for. {@code stateChangedAt} dates an explicit state change, so an
 * EXPIRED token can tell when its session ended.
 */
record TokenRecord(String token, String igUserId, TokenState state, Instant issuedAt, Instant expiresAt,
                   Instant stateChangedAt) {

    /** A VALID token past its expiry is as expired as one marked so. */
    TokenState effectiveState(Instant now) {
        if (state == TokenState.VALID && !now.isBefore(expiresAt)) {
            return TokenState.EXPIRED;
        }
        return state;
    }

    Instant expiredAt() {
        return state == TokenState.EXPIRED && stateChangedAt != null && stateChangedAt.isBefore(expiresAt)
                ? stateChangedAt
                : expiresAt;
    }

    TokenRecord withState(TokenState newState, Instant now) {
        return new TokenRecord(token, igUserId, newState, issuedAt, expiresAt, now);
    }

    TokenRecord reissued(Instant now, Instant newExpiry) {
        return new TokenRecord(token, igUserId, TokenState.VALID, now, newExpiry, now);
    }

    /** Enough of the token to tell tokens apart in a snapshot without revealing it. */
    String hint() {
        return token.length() <= 8 ? "…" : "…" + token.substring(token.length() - 4);
    }
}
