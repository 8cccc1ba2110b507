package io.igpipe.graph.sandbox;

import java.time.Instant;

/**
 * An access token and whom it speaks for. The token itself is never kept: only its SHA-256 {@code digest}
 * (what look-ups compare) and a {@code hint} of its last characters, so the state file and snapshots
 * cannot leak it. {@code stateChangedAt} dates an explicit state change, so an EXPIRED token can tell when
 * its session ended.
 */
record TokenRecord(String digest, String hint, String igUserId, TokenState state, Instant issuedAt, Instant expiresAt,
                   Instant stateChangedAt) {

    static TokenRecord issue(String accessToken, String igUserId, Instant now, Instant expiresAt) {
        return new TokenRecord(digestOf(accessToken), hintOf(accessToken), igUserId, TokenState.VALID, now, expiresAt, now);
    }

    static String digestOf(String accessToken) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(accessToken.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Enough of a token to tell tokens apart in a snapshot without revealing it. */
    static String hintOf(String accessToken) {
        return accessToken.length() <= 8 ? "…" : "…" + accessToken.substring(accessToken.length() - 4);
    }

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
        return new TokenRecord(digest, hint, igUserId, newState, issuedAt, expiresAt, now);
    }

    TokenRecord reissued(Instant now, Instant newExpiry) {
        return new TokenRecord(digest, hint, igUserId, TokenState.VALID, now, newExpiry, now);
    }
}
