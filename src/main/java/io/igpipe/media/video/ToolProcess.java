package io.igpipe.media.video;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/**
 * Runs one ffmpeg or ffprobe process to completion or timeout. Both pipes are drained on their own threads, so a
 * chatty process never blocks on a full pipe; stdout is kept (capped) for ffprobe's JSON, stderr only as its last
 * lines for error messages. On timeout or interruption the whole process tree is killed: ffmpeg may have children
 * (a wrapper script, a hardware helper), and an orphan would keep burning CPU.
 */
final class ToolProcess {

    /** ffprobe's JSON for a file with a handful of streams is a few KiB; anything near this is not a video. */
    static final int MAX_STDOUT_BYTES = 8 * 1024 * 1024;
    static final int STDERR_TAIL_LINES = 12;
    /** How long the killed tree and the pipe readers get to finish after destroyForcibly. */
    private static final long REAP_SECONDS = 10;

    /** What a finished run left behind. {@code exitCode} is -1 when the process was killed for a timeout. */
    record Outcome(int exitCode, boolean timedOut, byte[] stdout, List<String> stderrTail) {

        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** The last stderr lines on one line, for an error message; "no output" when ffmpeg said nothing. */
        String stderrSummary() {
            return stderrTail.isEmpty() ? "no error output" : String.join(" | ", stderrTail);
        }
    }

    private ToolProcess() {
    }

    /**
     * Starts {@code command} and waits for it at most {@code timeout}. Failing to start (missing, not executable)
     * is an IOException; a non-zero exit or a timeout is a normal {@link Outcome}.
     */
    static Outcome run(ProcessBuilder command, Duration timeout) throws IOException {
        Process process = command.redirectInput(ProcessBuilder.Redirect.PIPE).start();
        // -nostdin is passed where supported; closing stdin also ends any tool that waits for input.
        process.getOutputStream().close();
        StdoutCollector stdout = new StdoutCollector(process.getInputStream());
        StderrTail stderr = new StderrTail(process.getErrorStream());
        Thread stdoutReader = startDaemon(stdout, "ffmpeg-stdout-" + process.pid());
        Thread stderrReader = startDaemon(stderr, "ffmpeg-stderr-" + process.pid());
        boolean timedOut;
        try {
            timedOut = !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting for " + command.command().get(0));
        }
        if (timedOut) {
            killTree(process);
        }
        join(stdoutReader);
        join(stderrReader);
        return new Outcome(timedOut ? -1 : process.exitValue(), timedOut, stdout.bytes(), stderr.lines());
    }

    /** Kills the children first (they would be re-parented and survive their parent), then the process itself. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(REAP_SECONDS, TimeUnit.SECONDS);
            for (ProcessHandle child : descendants) {
                child.onExit().get(REAP_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // A child that does not die within REAP_SECONDS of SIGKILL is stuck in the kernel; nothing more to do.
        }
    }

    private static Thread startDaemon(Runnable drain, String name) {
        Thread thread = new Thread(drain, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void join(Thread reader) {
        try {
            reader.join(TimeUnit.SECONDS.toMillis(REAP_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps stdout up to {@link #MAX_STDOUT_BYTES} and discards the rest, still reading so the pipe never fills. */
    private static final class StdoutCollector implements Runnable {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        StdoutCollector(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.max(0, Math.min(n, MAX_STDOUT_BYTES - kept.size())));
                    }
                }
            } catch (IOException e) {
                // The process was killed and the pipe closed under us: what was read so far is what there is.
            }
        }

        byte[] bytes() {
            synchronized (kept) {
                return kept.toByteArray();
            }
        }
    }

    /** Keeps the last {@link #STDERR_TAIL_LINES} non-blank stderr lines. */
    private static final class StderrTail implements Runnable {
        private final InputStream in;
        private final Deque<String> tail = new ArrayDeque<>();

        StderrTail(InputStream in) {
            this.in = in;
        }

        @Override
        public void run() {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    if (!line.isBlank()) {
                        remember(line.strip());
                    }
                }
            } catch (IOException e) {
                // As for stdout: a killed process closes the pipe; the lines read so far are kept.
            }
        }

        private synchronized void remember(String line) {
            if (tail.size() == STDERR_TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }

        synchronized List<String> lines() {
            return List.copyOf(tail);
        }
    }
}
