package io.igpipe.graph.sandbox;

/** The kinds of Graph call the sandbox tells apart, in its call log and in fault rules. */
public enum EndpointKind {
    CREATE_CONTAINER,
    CONTAINER_STATUS,
    MEDIA_PUBLISH,
    PUBLISHING_LIMIT,
    MEDIA_LIST,
    MEDIA_GET,
    ME,
    TOKEN_REFRESH,
    OTHER
}
