package io.igpipe.graph.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox on its own, for operators rehearsing incidents and for benchmarks:
 *
 * <pre>
 * java -cp ... io.igpipe.graph.sandbox.GraphSandboxMain --port 8088 \
 *      --account 17841400000000001:shop:token-1 --processing-delay-ms 2000 --video-processing-delay-ms 5000 \
 *      --publish-quota 50 \
 *      --state-file /tmp/graph-sandbox.json
 * </pre>
 *
 * Prints the base URL on standard output and runs until killed.
 */
public final class GraphSandboxMain {

    static final String USAGE = "usage: GraphSandboxMain [--host 127.0.0.1] [--port 0] "
            + "[--account igUserId:username:token]... [--processing-delay-ms 2000] [--video-processing-delay-ms 5000] "
            + "[--publish-quota 100] "
            + "[--state-file path]";

    record Launch(SandboxSettings settings, List<String[]> accounts) {
    }

    private GraphSandboxMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Launch launch;
        try {
            launch = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        GraphSandbox sandbox = GraphSandbox.start(launch.settings());
        for (String[] account : launch.accounts()) {
            sandbox.registerAccount(account[0], account[1], account[2]);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "graph-sandbox-shutdown"));
        System.out.println(sandbox.baseUri());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static Launch parse(String[] args) {
        SandboxSettings.Builder settings = SandboxSettings.builder();
        List<String[]> accounts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException("Graph API sandbox");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--host" -> settings.host(value);
                case "--port" -> settings.port(integer(name, value));
                case "--processing-delay-ms" -> settings.imageProcessingDelay(Duration.ofMillis(integer(name, value)));
                case "--video-processing-delay-ms" ->
                        settings.videoProcessingDelay(Duration.ofMillis(integer(name, value)));
                case "--publish-quota" -> settings.publishQuota(integer(name, value));
                case "--state-file" -> settings.stateFile(Path.of(value));
                case "--account" -> {
                    String[] parts = value.split(":", 3);
                    if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
                        throw new IllegalArgumentException("--account takes igUserId:username:token");
                    }
                    accounts.add(parts);
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new Launch(settings.build(), List.copyOf(accounts));
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not " + value);
        }
    }
}
