package io.igpipe.graph.sandbox;

/** The kinds of Graph call the sandbox tells apart, in its call log and in fault rules. */
public enum EndpointKind {
    CREATE_CONTAINER,
    CONTAINER_STATUS,
    MEDIA_PUBLISH,
    PUBLISHING_LIMIT,
    MEDIA_LIST,
    MEDIA_GET,
    /** {@code DELETE /{media-id}}. */
    MEDIA_DELETE,
    ME,
    TOKEN_REFRESH,
    /** {@code POST /ig-api-upload/{vNN.0}/{container-id}}: bytes or a file_url for a resumable video container. */
    RESUMABLE_UPLOAD,
    OTHER
}
