package io.igpipe.media.video;

import java.util.concurrent.Semaphore;

/** At most a fixed number of ffmpeg transcodes at once; a caller finding none free is refused, never queued. */
final class TranscodeSlots {

    /** A held slot; closing it frees it. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final int capacity;
    private final Semaphore free;

    TranscodeSlots(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("igpipe.media.video.max-concurrent-transcodes must be at least 1");
        }
        this.capacity = capacity;
        this.free = new Semaphore(capacity);
    }

    Slot tryAcquire() throws TranscoderBusyException {
        if (!free.tryAcquire()) {
            throw new TranscoderBusyException(capacity);
        }
        return new Slot() {
            private boolean released;

            @Override
            public synchronized void close() {
                if (!released) {
                    released = true;
                    free.release();
                }
            }
        };
    }

    int capacity() {
        return capacity;
    }

    int inUse() {
        return capacity - free.availablePermits();
    }
}
