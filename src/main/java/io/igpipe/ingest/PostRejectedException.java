package io.igpipe.ingest;

/** A post refused before it enters the ledger (bad sidecar, caption over Instagram's limits). */
public class PostRejectedException extends Exception {

    private final String code;

    public PostRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String getCode() {
        return code;
    }
}
