package io.igpipe.graph.sandbox;

/** The {@code status_code} of a media container, with the {@code status} text Graph shows beside it. */
public enum ContainerStatus {
    IN_PROGRESS("In Progress: Media is still being processed."),
    FINISHED("Finished: Media has been uploaded and it is ready to be published."),
    PUBLISHED("Published: Media has been successfully published."),
    ERROR("Error: Media upload has failed with error code 2207026"),
    EXPIRED("Expired: Media has not been published within 24 hours of creation.");

    private final String defaultStatus;

    ContainerStatus(String defaultStatus) {
        this.defaultStatus = defaultStatus;
    }

    public String defaultStatus() {
        return defaultStatus;
    }
}
