package io.igpipe.graph.sandbox;

import com.sun.net.httpserver.HttpServer;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful stand-in for Instagram's Graph API publishing endpoints, served over real HTTP. It fetches and
 * checks images as Instagram does, keeps containers, media, quotas and call budgets, answers Meta's error
 * envelope, and takes fault rules so every failure a publisher must survive can be rehearsed.
 *
 * <pre>{@code
 * try (GraphSandbox graph = GraphSandbox.start(SandboxSettings.defaults())) {
 *     graph.registerAccount("17841400000000001", "shop", "token-1");
 *     URI base = graph.baseUri();   // POST base + "/v25.0/17841400000000001/media" ...
 * }
 * }</pre>
 */
public final class GraphSandbox implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(GraphSandbox.class.getName());
    private static final AtomicBoolean IMAGE_PLUGINS_SCANNED = new AtomicBoolean();

    private final SandboxSettings settings;
    private final SandboxState state;
    private final FaultRules faults;
    private final CallLog callLog = new CallLog();
    private final CallBudget budget;
    private final VideoProcessing videos;
    private final ResumableUploads uploads;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GraphSandbox(SandboxSettings settings) throws IOException {
        this.settings = settings;
        this.state = SandboxState.open(settings);
        this.faults = new FaultRules(settings.faultSeed() == null ? new SplittableRandom()
                : new SplittableRandom(settings.faultSeed()));
        this.budget = new CallBudget(settings.bucCallBudget(), settings.bucWindow());
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        this.baseUri = URI.create("http://" + hostForUri(settings.host()) + ":" + server.getAddress().getPort());
        MediaFetcher fetcher = new MediaFetcher(settings.fetchTimeout());
        JpegFetch images = new JpegFetch(fetcher, settings.maxImageBytes());
        this.videos = new VideoProcessing(state, fetcher, images, settings);
        this.uploads = new ResumableUploads(state, videos, settings);
        ContainerCreation creation = new ContainerCreation(state, images, videos, settings.clock());
        GraphEndpoints endpoints = new GraphEndpoints(state, creation, uploads, settings, baseUri);
        server.createContext(AdminHttpHandler.PREFIX + "/", new AdminHttpHandler(this));
        server.createContext("/", new GraphHttpHandler(state, endpoints, budget, faults, callLog, settings.clock()));
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
    }

    public static GraphSandbox start(SandboxSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every answer then waits
        // ~40 ms for the client's delayed ACK. The JDK reads this once, when its first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        if (IMAGE_PLUGINS_SCANNED.compareAndSet(false, true)) {
            // Registers TwelveMonkeys' JPEG reader (CMYK, YCCK, broken ICC profiles) ahead of the JDK's.
            ImageIO.scanForPlugins();
        }
        GraphSandbox sandbox = new GraphSandbox(settings);
        sandbox.videos.resumeAfterRestart();
        sandbox.server.start();
        LOG.log(System.Logger.Level.INFO, "Graph API sandbox listening on " + sandbox.baseUri);
        return sandbox;
    }

    /** Where Graph calls go, such as {@code http://127.0.0.1:43117}: no trailing slash, no version. */
    public URI baseUri() {
        return baseUri;
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** Adds or updates an account; the token is VALID from now on and belongs to that account. */
    public void registerAccount(String igUserId, String username, String accessToken) {
        Objects.requireNonNull(igUserId, "igUserId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(accessToken, "accessToken");
        state.registerAccount(igUserId, username, accessToken, settings.clock().instant());
    }

    /**
     * Changes what Graph says about a token: EXPIRED answers 190/463, REVOKED 190/467, PASSWORD_CHANGED 190/460,
     * APP_REMOVED 190/458.
     *
     * @throws IllegalArgumentException when the token was never registered
     */
    public void setTokenState(String accessToken, TokenState tokenState) {
        Objects.requireNonNull(tokenState, "tokenState");
        state.setTokenState(accessToken, tokenState, settings.clock().instant());
    }

    public FaultRules faults() {
        return faults;
    }

    public SandboxSnapshot snapshot() {
        return state.snapshot(settings.clock().instant(), callLog.all(), budget);
    }

    /** Forgets containers, media, the call log, call budgets and fault rules; accounts and tokens stay. */
    public void reset() {
        state.resetAllButAccounts();
        uploads.clear();
        callLog.clear();
        budget.clear();
        faults.clear();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            videos.close();
            LOG.log(System.Logger.Level.INFO, "Graph API sandbox on " + baseUri + " stopped");
        }
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "graph-sandbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
