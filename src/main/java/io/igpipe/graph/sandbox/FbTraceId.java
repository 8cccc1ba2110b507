package io.igpipe.graph.sandbox;

import java.util.concurrent.ThreadLocalRandom;

/** Meta's {@code fbtrace_id}: about 23 characters of URL-safe base64, different on every error. */
final class FbTraceId {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private FbTraceId() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder("A");
        for (int i = 0; i < 22; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
