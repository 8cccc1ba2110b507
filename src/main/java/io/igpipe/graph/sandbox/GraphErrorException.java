package io.igpipe.graph.sandbox;

/** Carries a Graph error from the check that found it to the code that writes the error envelope. */
final class GraphErrorException extends RuntimeException {

    private final transient GraphError error;

    GraphErrorException(GraphError error) {
        super(error.code() + (error.subcode() == null ? "" : "/" + error.subcode()) + " " + error.message(),
                null, false, false);
        this.error = error;
    }

    GraphError error() {
        return error;
    }
}
