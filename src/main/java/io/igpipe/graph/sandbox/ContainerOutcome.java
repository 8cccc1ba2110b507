package io.igpipe.graph.sandbox;

import java.util.Objects;

/**
 * Where a container lands once its processing delay has passed. Normally FINISHED; a fault rule can make it
 * ERROR (with the {@code status} text Meta shows, carrying the subcode) or leave it IN_PROGRESS for good,
 * which is how a broken upload looks from the outside.
 */
public record ContainerOutcome(ContainerStatus statusCode, String status) {

    public static final ContainerOutcome FINISHED = new ContainerOutcome(ContainerStatus.FINISHED, null);

    public ContainerOutcome {
        Objects.requireNonNull(statusCode, "statusCode");
        if (statusCode != ContainerStatus.FINISHED && statusCode != ContainerStatus.ERROR
                && statusCode != ContainerStatus.IN_PROGRESS) {
            throw new IllegalArgumentException("a container can end processing as FINISHED, ERROR or IN_PROGRESS, not "
                    + statusCode);
        }
        if (status == null || status.isBlank()) {
            status = statusCode.defaultStatus();
        }
    }

    public static ContainerOutcome error(String status) {
        return new ContainerOutcome(ContainerStatus.ERROR, status);
    }

    public static ContainerOutcome stuckInProgress() {
        return new ContainerOutcome(ContainerStatus.IN_PROGRESS, null);
    }
}
