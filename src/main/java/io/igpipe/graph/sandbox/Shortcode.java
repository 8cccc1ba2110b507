package io.igpipe.graph.sandbox;

/** Instagram's shortcode is the media id written in a base64 alphabet; permalinks are built from it. */
final class Shortcode {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private Shortcode() {
    }

    static String of(String mediaId) {
        long value = Long.parseLong(mediaId);
        StringBuilder code = new StringBuilder();
        do {
            code.append(ALPHABET.charAt((int) (value % 64)));
            value /= 64;
        } while (value > 0);
        return code.reverse().toString();
    }
}
