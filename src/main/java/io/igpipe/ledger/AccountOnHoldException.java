package io.igpipe.ledger;

import java.time.OffsetDateTime;

/**
 * The account may not make this call before {@code until}: it is paused, throttled, out of publishing quota or
 * at its container cap. Its posts wait (no attempt is spent) rather than fail.
 */
public class AccountOnHoldException extends RuntimeException {

    private final String account;
    private final WaitReason reason;
    private final OffsetDateTime until;

    public AccountOnHoldException(String account, WaitReason reason, OffsetDateTime until, String message) {
        super("Account " + account + " on hold (" + reason + ") until " + until + ": " + message);
        this.account = account;
        this.reason = reason;
        this.until = until;
    }

    public String getAccount() { return account; }
    public WaitReason getReason() { return reason; }
    public OffsetDateTime getUntil() { return until; }
}
