package io.igpipe.graph.sandbox;

/** Who is calling: the account the access token speaks for (the token itself never travels further). */
record Caller(String igUserId) {
}
