package io.igpipe.graph;

/** What a route needs to address one account's Graph calls; deliberately holds no token. */
public record GraphTarget(String base, String igUserId) {
}
