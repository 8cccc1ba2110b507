package io.igpipe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator settings under {@code igpipe.*}. Their documentation lives next to the defaults in
 * {@code config/application.yaml}; the names are a contract that README and tests rely on.
 */
@ConfigurationProperties(prefix = "igpipe")
public class IgpipeProperties {

    private Path dataDir = Path.of("data");
    private Path watchRoot = Path.of("watch-folder");
    private String instanceId = defaultInstanceId();
    private final Graph graph = new Graph();
    private final Sandbox sandbox = new Sandbox();
    private final Media media = new Media();
    private final Ingest ingest = new Ingest();
    private final Pipeline pipeline = new Pipeline();
    private final Tokens tokens = new Tokens();
    private final Posts posts = new Posts();
    private List<Account> accounts = new ArrayList<>();

    private static String defaultInstanceId() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "igpipe" : host;
    }

    /** Fails start-up with a clear message rather than letting posts fail one by one later. */
    public void validate() {
        if (accounts.isEmpty()) {
            throw new IllegalStateException("igpipe.accounts is empty: configure at least one account");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String where = "igpipe.accounts[" + i + "]";
            if (account.getName() == null || !account.getName().matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalStateException(where + ".name must be a simple folder name (letters, digits, . _ -)");
            }
            if (!names.add(account.getName())) {
                throw new IllegalStateException(where + ".name '" + account.getName() + "' is used twice");
            }
            if (account.getIgUserId() == null || !account.getIgUserId().matches("\\d+")) {
                throw new IllegalStateException(where + ".ig-user-id must be the numeric Instagram user id");
            }
            boolean noToken = account.getAccessToken() == null || account.getAccessToken().isBlank();
            if (noToken && account.getAccessTokenFile() == null) {
                throw new IllegalStateException(where + ".access-token is not set (account '" + account.getName()
                        + "'): give it through an environment variable, or name a file in access-token-file");
            }
        }
    }

    public Optional<Account> account(String name) {
        return accounts.stream().filter(a -> a.getName().equals(name)).findFirst();
    }

    public Path watchFolderOf(Account account) {
        return account.getWatchFolder() != null ? account.getWatchFolder() : watchRoot.resolve(account.getName());
    }

    public Path getDataDir() { return dataDir; }
    public void setDataDir(Path dataDir) { this.dataDir = dataDir; }
    public Path getWatchRoot() { return watchRoot; }
    public void setWatchRoot(Path watchRoot) { this.watchRoot = watchRoot; }
    public String getInstanceId() { return instanceId; }
    public void setInstanceId(String instanceId) { this.instanceId = instanceId; }
    public Graph getGraph() { return graph; }
    public Sandbox getSandbox() { return sandbox; }
    public Media getMedia() { return media; }
    public Ingest getIngest() { return ingest; }
    public Pipeline getPipeline() { return pipeline; }
    public Tokens getTokens() { return tokens; }
    public Posts getPosts() { return posts; }
    public List<Account> getAccounts() { return accounts; }
    public void setAccounts(List<Account> accounts) { this.accounts = accounts; }

    public static class Account {
        private String name;
        private String igUserId;
        private String accessToken;
        private Path accessTokenFile;
        private boolean tokenRefresh;
        private Path watchFolder;
        private VideoUpload videoUpload = VideoUpload.VIDEO_URL;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getIgUserId() { return igUserId; }
        public void setIgUserId(String igUserId) { this.igUserId = igUserId; }
        public String getAccessToken() { return accessToken; }
        public void setAccessToken(String accessToken) { this.accessToken = accessToken; }
        public Path getAccessTokenFile() { return accessTokenFile; }
        public void setAccessTokenFile(Path accessTokenFile) { this.accessTokenFile = accessTokenFile; }
        public boolean isTokenRefresh() { return tokenRefresh; }
        public void setTokenRefresh(boolean tokenRefresh) { this.tokenRefresh = tokenRefresh; }
        public Path getWatchFolder() { return watchFolder; }
        public void setWatchFolder(Path watchFolder) { this.watchFolder = watchFolder; }
        public VideoUpload getVideoUpload() { return videoUpload; }
        public void setVideoUpload(VideoUpload videoUpload) { this.videoUpload = videoUpload; }

        @Override
        public String toString() {
            // Never print the token: this object ends up in logs and error messages.
            return "Account[" + name + ", ig-user-id=" + igUserId + "]";
        }
    }

    public static class Graph {
        private String baseUrl;
        private String apiVersion = "v25.0";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private final ContainerPoll containerPoll = new ContainerPoll();
        private final RateLimit rateLimit = new RateLimit();
        private int containerCap = 400;
        private Duration quotaClockSkew = Duration.ofMinutes(1);
        private Duration quotaRecheckDelay = Duration.ofMinutes(5);
        private Duration breakerOpenWait = Duration.ofSeconds(60);

        public RateLimit getRateLimit() { return rateLimit; }
        public int getContainerCap() { return containerCap; }
        public void setContainerCap(int containerCap) { this.containerCap = containerCap; }
        public Duration getQuotaClockSkew() { return quotaClockSkew; }
        public void setQuotaClockSkew(Duration quotaClockSkew) { this.quotaClockSkew = quotaClockSkew; }
        public Duration getQuotaRecheckDelay() { return quotaRecheckDelay; }
        public void setQuotaRecheckDelay(Duration quotaRecheckDelay) { this.quotaRecheckDelay = quotaRecheckDelay; }
        public Duration getBreakerOpenWait() { return breakerOpenWait; }
        public void setBreakerOpenWait(Duration breakerOpenWait) { this.breakerOpenWait = breakerOpenWait; }
        public boolean usesEmbeddedSandbox() { return baseUrl == null || baseUrl.isBlank(); }
        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
        public String getApiVersion() { return apiVersion; }
        public void setApiVersion(String apiVersion) { this.apiVersion = apiVersion; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getResponseTimeout() { return responseTimeout; }
        public void setResponseTimeout(Duration responseTimeout) { this.responseTimeout = responseTimeout; }
        public ContainerPoll getContainerPoll() { return containerPoll; }
    }

    public static class RateLimit {
        private int slowdownThreshold = 75;
        private Duration slowdownInterval = Duration.ofSeconds(60);
        private Duration defaultWait = Duration.ofMinutes(5);
        private double jitter = 0.2;

        public int getSlowdownThreshold() { return slowdownThreshold; }
        public void setSlowdownThreshold(int slowdownThreshold) { this.slowdownThreshold = slowdownThreshold; }
        public Duration getSlowdownInterval() { return slowdownInterval; }
        public void setSlowdownInterval(Duration slowdownInterval) { this.slowdownInterval = slowdownInterval; }
        public Duration getDefaultWait() { return defaultWait; }
        public void setDefaultWait(Duration defaultWait) { this.defaultWait = defaultWait; }
        public double getJitter() { return jitter; }
        public void setJitter(double jitter) { this.jitter = jitter; }
    }

    public static class Tokens {
        private Duration checkInterval = Duration.ofMinutes(5);
        private Duration refreshInterval = Duration.ofDays(7);

        public Duration getCheckInterval() { return checkInterval; }
        public void setCheckInterval(Duration checkInterval) { this.checkInterval = checkInterval; }
        public Duration getRefreshInterval() { return refreshInterval; }
        public void setRefreshInterval(Duration refreshInterval) { this.refreshInterval = refreshInterval; }
    }

    public static class ContainerPoll {
        private Duration initialDelay = Duration.ofSeconds(2);
        private Duration interval = Duration.ofSeconds(5);
        private int maxPolls = 120;

        public Duration getInitialDelay() { return initialDelay; }
        public void setInitialDelay(Duration initialDelay) { this.initialDelay = initialDelay; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public int getMaxPolls() { return maxPolls; }
        public void setMaxPolls(int maxPolls) { this.maxPolls = maxPolls; }
    }

    public static class Sandbox {
        private String host = "127.0.0.1";
        private int port = 8089;
        private Duration processingDelay = Duration.ofSeconds(2);
        /** How long a sandbox video container stays IN_PROGRESS after its video arrived (Reels take a while). */
        private Duration videoProcessingDelay = Duration.ofSeconds(5);
        private int publishQuota = 100;
        private Duration quotaWindow = Duration.ofHours(24);
        private Long faultSeed;
        private Path stateFile;

        public String getHost() { return host; }
        public void setHost(String host) { this.host = host; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public Duration getProcessingDelay() { return processingDelay; }
        public void setProcessingDelay(Duration processingDelay) { this.processingDelay = processingDelay; }
        public Duration getVideoProcessingDelay() { return videoProcessingDelay; }
        public void setVideoProcessingDelay(Duration videoProcessingDelay) { this.videoProcessingDelay = videoProcessingDelay; }
        public Duration getQuotaWindow() { return quotaWindow; }
        public void setQuotaWindow(Duration quotaWindow) { this.quotaWindow = quotaWindow; }
        public Long getFaultSeed() { return faultSeed; }
        public void setFaultSeed(Long faultSeed) { this.faultSeed = faultSeed; }
        public int getPublishQuota() { return publishQuota; }
        public void setPublishQuota(int publishQuota) { this.publishQuota = publishQuota; }
        public Path getStateFile() { return stateFile; }
        public void setStateFile(Path stateFile) { this.stateFile = stateFile; }
    }

    public static class Media {
        private String publicBaseUrl;
        private Path storeDir;

        public String getPublicBaseUrl() { return publicBaseUrl; }
        public void setPublicBaseUrl(String publicBaseUrl) { this.publicBaseUrl = publicBaseUrl; }
        public Path getStoreDir() { return storeDir; }
        public void setStoreDir(Path storeDir) { this.storeDir = storeDir; }
    }

    public static class Ingest {
        private Duration settleTime = Duration.ofSeconds(2);
        private Duration pollInterval = Duration.ofSeconds(1);

        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }

        public Duration getSettleTime() { return settleTime; }
        public void setSettleTime(Duration settleTime) { this.settleTime = settleTime; }
    }

    public static class Pipeline {
        private Duration pollInterval = Duration.ofSeconds(1);
        private int batchSize = 16;
        private int workers = 0;
        private Duration leaseDuration = Duration.ofMinutes(5);
        private int maxAttempts = 6;
        private int unknownMaxAttempts = 3;
        private Duration retryInitialDelay = Duration.ofSeconds(5);
        private Duration retryMaxDelay = Duration.ofMinutes(10);

        public int effectiveWorkers() {
            return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public int getWorkers() { return workers; }
        public void setWorkers(int workers) { this.workers = workers; }
        public Duration getLeaseDuration() { return leaseDuration; }
        public void setLeaseDuration(Duration leaseDuration) { this.leaseDuration = leaseDuration; }
        public int getUnknownMaxAttempts() { return unknownMaxAttempts; }
        public void setUnknownMaxAttempts(int unknownMaxAttempts) { this.unknownMaxAttempts = unknownMaxAttempts; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getRetryInitialDelay() { return retryInitialDelay; }
        public void setRetryInitialDelay(Duration retryInitialDelay) { this.retryInitialDelay = retryInitialDelay; }
        public Duration getRetryMaxDelay() { return retryMaxDelay; }
        public void setRetryMaxDelay(Duration retryMaxDelay) { this.retryMaxDelay = retryMaxDelay; }
    }

    /** How an account's videos reach Instagram. */
    public enum VideoUpload {
        /** Instagram fetches the video from our public /media/ URL ({@code video_url}). */
        VIDEO_URL,
        /** We push the bytes to the container's rupload URI ({@code upload_type=resumable}); no public URL needed. */
        RESUMABLE
    }

    /** Post types and scheduling. */
    public static class Posts {
        /** Every carousel child is cropped (or padded) to this width/height ratio; unset: the first item's ratio. */
        private Double carouselAspectRatio;
        private String carouselAspectFix = "CROP";
        /** Stories are brought to this ratio (9:16) so Instagram does not crop them. */
        private double storyAspectRatio = 9.0 / 16.0;
        private String storyAspectFix = "PAD";
        /** A scheduled post's container is created this long before publish_at (containers expire after 24 h). */
        private Duration containerLeadTime = Duration.ofMinutes(15);
        /** publish_at may not be further away than this. */
        private Duration scheduleHorizon = Duration.ofDays(365);
        /** Assumed publishing quota per 24 h for the planner's warning, until the live value has been read. */
        private int plannerDefaultQuota = 50;
        /** A video post that finds every transcoding slot busy looks again after this long (no attempt spent). */
        private Duration transcoderBusyWait = Duration.ofSeconds(5);

        public Double getCarouselAspectRatio() { return carouselAspectRatio; }
        public void setCarouselAspectRatio(Double carouselAspectRatio) { this.carouselAspectRatio = carouselAspectRatio; }
        public String getCarouselAspectFix() { return carouselAspectFix; }
        public void setCarouselAspectFix(String carouselAspectFix) { this.carouselAspectFix = carouselAspectFix; }
        public double getStoryAspectRatio() { return storyAspectRatio; }
        public void setStoryAspectRatio(double storyAspectRatio) { this.storyAspectRatio = storyAspectRatio; }
        public String getStoryAspectFix() { return storyAspectFix; }
        public void setStoryAspectFix(String storyAspectFix) { this.storyAspectFix = storyAspectFix; }
        public Duration getContainerLeadTime() { return containerLeadTime; }
        public void setContainerLeadTime(Duration containerLeadTime) { this.containerLeadTime = containerLeadTime; }
        public Duration getScheduleHorizon() { return scheduleHorizon; }
        public void setScheduleHorizon(Duration scheduleHorizon) { this.scheduleHorizon = scheduleHorizon; }
        public int getPlannerDefaultQuota() { return plannerDefaultQuota; }
        public void setPlannerDefaultQuota(int plannerDefaultQuota) { this.plannerDefaultQuota = plannerDefaultQuota; }
        public Duration getTranscoderBusyWait() { return transcoderBusyWait; }
        public void setTranscoderBusyWait(Duration transcoderBusyWait) { this.transcoderBusyWait = transcoderBusyWait; }
    }
}
