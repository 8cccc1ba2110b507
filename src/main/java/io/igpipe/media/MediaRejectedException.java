package io.igpipe.media;

import java.util.Objects;

/**
 * The photo cannot be turned into a JPEG Instagram accepts. Retrying the same file does not help; the message
 * says what is wrong and what the user can do about it.
 */
public final class MediaRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final MediaErrorCode code;

    public MediaRejectedException(MediaErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    MediaRejectedException(MediaErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public MediaErrorCode code() {
        return code;
    }
}
