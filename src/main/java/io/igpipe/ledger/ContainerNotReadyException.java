package io.igpipe.ledger;

/** A container stayed IN_PROGRESS for the whole polling budget. */
public class ContainerNotReadyException extends RuntimeException {
    public ContainerNotReadyException(String containerId, int polls) {
        super("Container " + containerId + " was still IN_PROGRESS after " + polls + " status checks");
    }
}
