package io.igpipe.graph.sandbox;

/** An Instagram professional account known to the sandbox. */
record AccountRecord(String igUserId, String username) {
}
