package io.igpipe.media.video;

/**
 * Every transcode slot ({@code igpipe.media.video.max-concurrent-transcodes}) is taken. Thrown at once, without
 * waiting, so a worker thread is never held up by video and image posts keep flowing: the pipeline parks the post
 * in the ledger and retries it later. Nothing was started and nothing was written.
 *
 * <p>Checked, so every caller of {@link VideoPreparation#prepare} decides what "later" means; it is not a failure
 * of the post and must not count as an attempt.
 */
public class TranscoderBusyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int slots;

    public TranscoderBusyException(int slots) {
        super("All " + slots + " video transcode slot(s) are busy; try again later");
        this.slots = slots;
    }

    /** How many transcodes may run at once. */
    public int slots() {
        return slots;
    }
}
