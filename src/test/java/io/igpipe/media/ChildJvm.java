package io.igpipe.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link OptimizerChildMain} in a separate JVM (same java binary and classpath) with the given heap. */
final class ChildJvm {

    record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    static Result run(Path logDirectory, String heap, String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, heap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), OptimizerChildMain.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(logDirectory, "child", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                return new Result(-1, "timed out\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }
}
