package io.igpipe.graph.sandbox;

/**
 * The life of an access token as Graph reports it: every state but {@link #VALID} answers code 190 with the
 * subcode Meta uses for that cause, so a client can tell "refresh" from "ask the user to log in again".
 */
public enum TokenState {
    VALID(null),
    EXPIRED(463),
    REVOKED(467),
    PASSWORD_CHANGED(460),
    APP_REMOVED(458);

    private final Integer subcode;

    TokenState(Integer subcode) {
        this.subcode = subcode;
    }

    /** The 190 subcode Graph answers for a token in this state; null for a valid token. */
    public Integer subcode() {
        return subcode;
    }
}
