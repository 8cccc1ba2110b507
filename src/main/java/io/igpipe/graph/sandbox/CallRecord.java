package io.igpipe.graph.sandbox;

import java.time.Instant;

/**
 * One Graph call as the sandbox saw it.
 *
 * @param igUserId    the account the call was made for: the token's owner, else the account in the path
 * @param httpStatus  status answered; 0 when a fault rule dropped the connection without answering
 * @param errorCode   Graph error code answered, null on success
 * @param faultRuleId the fault rule applied to the call, null when none
 */
public record CallRecord(
        EndpointKind endpoint,
        String method,
        String path,
        String igUserId,
        int httpStatus,
        Integer errorCode,
        Integer errorSubcode,
        Instant at,
        String faultRuleId) {

    public boolean succeeded() {
        return errorCode == null && httpStatus >= 200 && httpStatus < 300;
    }
}
