package io.igpipe.graph.sandbox;

/** One entry of {@code user_tags}: x and y are fractions of the image measured from its top-left corner. */
public record UserTag(String username, Double x, Double y) {
}
