package io.igpipe.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The packaged application (target/igpipe.jar) run as its own process, as an operator runs it, so a
 * test can kill it with SIGKILL and start it again on the same data.
 */
final class AppProcess implements AutoCloseable {

    private final Path workDir;
    private final List<String> arguments;
    private final int port;
    private Process process;
    private int starts;

    AppProcess(Path workDir, Map<String, String> settings) throws IOException {
        this.workDir = workDir;
        this.port = freePort();
        Path project = Path.of("").toAbsolutePath();
        this.arguments = new ArrayList<>();
        arguments.add("--spring.config.additional-location=file:" + project.resolve("config") + "/");
        arguments.add("--camel.main.routes-include-pattern=file:" + project.resolve("routes") + "/*.camel.yaml");
        arguments.add("--server.port=" + port);
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
    }

    void start() throws IOException {
        String jar = System.getProperty("igpipe.it.jar", "target/igpipe.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException(jar + " not found: run through 'mvnw verify' (failsafe, after package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar));
        command.addAll(arguments);
        starts++;
        process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("app-" + starts + ".log").toFile()))
                .start();
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("igpipe exited with " + process.exitValue() + "; see " + workDir);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                return health.statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** SIGKILL: no shutdown hook, no graceful stop, exactly like a crash or an OOM kill. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            all.append(Files.readString(workDir.resolve("app-" + i + ".log")));
        }
        return all.toString();
    }

    @Override
    public void close() throws Exception {
        stop();
        keepLogs();
    }

    /** The app's own logs outlive the temporary work folder, next to the test reports. */
    private void keepLogs() throws IOException {
        String keepIn = System.getProperty("igpipe.it.logs");
        if (keepIn == null) {
            return;
        }
        Path target = Files.createDirectories(Path.of(keepIn).resolve(workDir.getFileName().toString()));
        for (int i = 1; i <= starts; i++) {
            Path log = workDir.resolve("app-" + i + ".log");
            if (Files.exists(log)) {
                Files.copy(log, target.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
