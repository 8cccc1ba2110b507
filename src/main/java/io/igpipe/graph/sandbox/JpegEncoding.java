package io.igpipe.graph.sandbox;

/** How the JPEG's frame is coded: baseline (SOF0, or SOF1 extended sequential) or progressive (SOF2). */
public enum JpegEncoding {
    BASELINE,
    PROGRESSIVE
}
