package io.igpipe.ledger;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of the {@code post} table, mapped by camel-sql ({@code outputClass}) and written back by
 * {@code sql/save-post.sql}. A plain bean on purpose: the row mapper fills it through setters, and the
 * routes read its properties in Simple expressions. State changes go through {@link PostLifecycle}.
 */
public class Post {

    private String id;
    private String account;
    private String origin;
    private String mediaType;
    private String state;
    private String originalName;
    private String originalPath;
    private String sidecarPath;
    private String contentHash;
    private String activeContentHash;
    private String caption;
    private String altText;
    private String locationId;
    private String userTags;
    private int attempts;
    private int containerPolls;
    private int containerBuilds;
    private String containerId;
    private String mediaId;
    private String preparedPath;
    private Integer preparedWidth;
    private Integer preparedHeight;
    private Long preparedBytes;
    private String errorCode;
    private String errorMessage;
    private String errorDetail;
    private OffsetDateTime receivedAt;
    private OffsetDateTime preparedAt;
    private OffsetDateTime containerCreatedAt;
    private OffsetDateTime containerFinishedAt;
    private OffsetDateTime publishStartedAt;
    private OffsetDateTime publishedAt;
    private OffsetDateTime failedAt;
    private OffsetDateTime archivedAt;
    private OffsetDateTime updatedAt;
    private OffsetDateTime nextAttemptAt;
    private String leaseOwner;
    private String leaseToken;
    private OffsetDateTime leaseUntil;
    private String failedStage;
    private String errorCategory;
    private Integer graphCode;
    private Integer graphSubcode;
    private String fbtraceId;
    private String waitReason;
    private String optimizationProfile = "STANDARD";
    private int mediaRetries;
    private int replays;
    private String archivedOriginalPath;
    private String archivedSidecarPath;
    private OffsetDateTime discardedAt;
    private String postType = "IMAGE";
    private OffsetDateTime publishAt;
    private String collaborators;
    private Boolean shareToFeed;
    private Long thumbOffsetMs;
    private String coverOriginalPath;
    private String coverPreparedPath;
    private String uploadUri;
    private OffsetDateTime uploadedAt;
    private OffsetDateTime cancelledAt;
    private OffsetDateTime deletedAt;
    private String apiKeyId;
    private String idempotencyKey;
    private String requestFingerprint;
    /** A carousel's items while it is being recorded; not a column (items are rows of post_item). */
    private List<PostItem> items = List.of();

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public String getOrigin() { return origin; }
    public void setOrigin(String origin) { this.origin = origin; }
    public String getMediaType() { return mediaType; }
    public void setMediaType(String mediaType) { this.mediaType = mediaType; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getOriginalName() { return originalName; }
    public void setOriginalName(String originalName) { this.originalName = originalName; }
    public String getOriginalPath() { return originalPath; }
    public void setOriginalPath(String originalPath) { this.originalPath = originalPath; }
    public String getSidecarPath() { return sidecarPath; }
    public void setSidecarPath(String sidecarPath) { this.sidecarPath = sidecarPath; }
    public String getContentHash() { return contentHash; }
    public void setContentHash(String contentHash) { this.contentHash = contentHash; }
    public String getActiveContentHash() { return activeContentHash; }
    public void setActiveContentHash(String activeContentHash) { this.activeContentHash = activeContentHash; }
    public String getCaption() { return caption; }
    public void setCaption(String caption) { this.caption = caption; }
    public String getAltText() { return altText; }
    public void setAltText(String altText) { this.altText = altText; }
    public String getLocationId() { return locationId; }
    public void setLocationId(String locationId) { this.locationId = locationId; }
    public String getUserTags() { return userTags; }
    public void setUserTags(String userTags) { this.userTags = userTags; }
    public int getAttempts() { return attempts; }
    public void setAttempts(int attempts) { this.attempts = attempts; }
    public int getContainerPolls() { return containerPolls; }
    public void setContainerPolls(int containerPolls) { this.containerPolls = containerPolls; }
    public int getContainerBuilds() { return containerBuilds; }
    public void setContainerBuilds(int containerBuilds) { this.containerBuilds = containerBuilds; }
    public String getContainerId() { return containerId; }
    public void setContainerId(String containerId) { this.containerId = containerId; }
    public String getMediaId() { return mediaId; }
    public void setMediaId(String mediaId) { this.mediaId = mediaId; }
    public String getPreparedPath() { return preparedPath; }
    public void setPreparedPath(String preparedPath) { this.preparedPath = preparedPath; }
    public Integer getPreparedWidth() { return preparedWidth; }
    public void setPreparedWidth(Integer preparedWidth) { this.preparedWidth = preparedWidth; }
    public Integer getPreparedHeight() { return preparedHeight; }
    public void setPreparedHeight(Integer preparedHeight) { this.preparedHeight = preparedHeight; }
    public Long getPreparedBytes() { return preparedBytes; }
    public void setPreparedBytes(Long preparedBytes) { this.preparedBytes = preparedBytes; }
    public String getErrorCode() { return errorCode; }
    public void setErrorCode(String errorCode) { this.errorCode = errorCode; }
    public String getErrorMessage() { return errorMessage; }
    public void setErrorMessage(String errorMessage) { this.errorMessage = errorMessage; }
    public String getErrorDetail() { return errorDetail; }
    public void setErrorDetail(String errorDetail) { this.errorDetail = errorDetail; }
    public OffsetDateTime getReceivedAt() { return receivedAt; }
    public void setReceivedAt(OffsetDateTime receivedAt) { this.receivedAt = receivedAt; }
    public OffsetDateTime getPreparedAt() { return preparedAt; }
    public void setPreparedAt(OffsetDateTime preparedAt) { this.preparedAt = preparedAt; }
    public OffsetDateTime getContainerCreatedAt() { return containerCreatedAt; }
    public void setContainerCreatedAt(OffsetDateTime containerCreatedAt) { this.containerCreatedAt = containerCreatedAt; }
    public OffsetDateTime getContainerFinishedAt() { return containerFinishedAt; }
    public void setContainerFinishedAt(OffsetDateTime containerFinishedAt) { this.containerFinishedAt = containerFinishedAt; }
    public OffsetDateTime getPublishStartedAt() { return publishStartedAt; }
    public void setPublishStartedAt(OffsetDateTime publishStartedAt) { this.publishStartedAt = publishStartedAt; }
    public OffsetDateTime getPublishedAt() { return publishedAt; }
    public void setPublishedAt(OffsetDateTime publishedAt) { this.publishedAt = publishedAt; }
    public OffsetDateTime getFailedAt() { return failedAt; }
    public void setFailedAt(OffsetDateTime failedAt) { this.failedAt = failedAt; }
    public OffsetDateTime getArchivedAt() { return archivedAt; }
    public void setArchivedAt(OffsetDateTime archivedAt) { this.archivedAt = archivedAt; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    public OffsetDateTime getNextAttemptAt() { return nextAttemptAt; }
    public void setNextAttemptAt(OffsetDateTime nextAttemptAt) { this.nextAttemptAt = nextAttemptAt; }
    public String getLeaseOwner() { return leaseOwner; }
    public void setLeaseOwner(String leaseOwner) { this.leaseOwner = leaseOwner; }
    public String getLeaseToken() { return leaseToken; }
    public void setLeaseToken(String leaseToken) { this.leaseToken = leaseToken; }
    public OffsetDateTime getLeaseUntil() { return leaseUntil; }
    public void setLeaseUntil(OffsetDateTime leaseUntil) { this.leaseUntil = leaseUntil; }

    public String getPostType() { return postType; }
    public void setPostType(String postType) { this.postType = postType; }
    public OffsetDateTime getPublishAt() { return publishAt; }
    public void setPublishAt(OffsetDateTime publishAt) { this.publishAt = publishAt; }
    public String getCollaborators() { return collaborators; }
    public void setCollaborators(String collaborators) { this.collaborators = collaborators; }
    public Boolean getShareToFeed() { return shareToFeed; }
    public void setShareToFeed(Boolean shareToFeed) { this.shareToFeed = shareToFeed; }
    public Long getThumbOffsetMs() { return thumbOffsetMs; }
    public void setThumbOffsetMs(Long thumbOffsetMs) { this.thumbOffsetMs = thumbOffsetMs; }
    public String getCoverOriginalPath() { return coverOriginalPath; }
    public void setCoverOriginalPath(String coverOriginalPath) { this.coverOriginalPath = coverOriginalPath; }
    public String getCoverPreparedPath() { return coverPreparedPath; }
    public void setCoverPreparedPath(String coverPreparedPath) { this.coverPreparedPath = coverPreparedPath; }
    public String getUploadUri() { return uploadUri; }
    public void setUploadUri(String uploadUri) { this.uploadUri = uploadUri; }
    public OffsetDateTime getUploadedAt() { return uploadedAt; }
    public void setUploadedAt(OffsetDateTime uploadedAt) { this.uploadedAt = uploadedAt; }
    public OffsetDateTime getCancelledAt() { return cancelledAt; }
    public void setCancelledAt(OffsetDateTime cancelledAt) { this.cancelledAt = cancelledAt; }
    public OffsetDateTime getDeletedAt() { return deletedAt; }
    public void setDeletedAt(OffsetDateTime deletedAt) { this.deletedAt = deletedAt; }
    public String getApiKeyId() { return apiKeyId; }
    public void setApiKeyId(String apiKeyId) { this.apiKeyId = apiKeyId; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getRequestFingerprint() { return requestFingerprint; }
    public void setRequestFingerprint(String requestFingerprint) { this.requestFingerprint = requestFingerprint; }
    public List<PostItem> getItems() { return items; }
    public void setItems(List<PostItem> items) { this.items = items == null ? List.of() : items; }

    @Override
    public String toString() {
        return "Post[" + id + ", " + account + ", " + state + ", " + originalName + "]";
    }
    public String getFailedStage() { return failedStage; }
    public void setFailedStage(String failedStage) { this.failedStage = failedStage; }
    public String getErrorCategory() { return errorCategory; }
    public void setErrorCategory(String errorCategory) { this.errorCategory = errorCategory; }
    public Integer getGraphCode() { return graphCode; }
    public void setGraphCode(Integer graphCode) { this.graphCode = graphCode; }
    public Integer getGraphSubcode() { return graphSubcode; }
    public void setGraphSubcode(Integer graphSubcode) { this.graphSubcode = graphSubcode; }
    public String getFbtraceId() { return fbtraceId; }
    public void setFbtraceId(String fbtraceId) { this.fbtraceId = fbtraceId; }
    public String getWaitReason() { return waitReason; }
    public void setWaitReason(String waitReason) { this.waitReason = waitReason; }
    public String getOptimizationProfile() { return optimizationProfile; }
    public void setOptimizationProfile(String optimizationProfile) { this.optimizationProfile = optimizationProfile; }
    public int getMediaRetries() { return mediaRetries; }
    public void setMediaRetries(int mediaRetries) { this.mediaRetries = mediaRetries; }
    public int getReplays() { return replays; }
    public void setReplays(int replays) { this.replays = replays; }
    public String getArchivedOriginalPath() { return archivedOriginalPath; }
    public void setArchivedOriginalPath(String archivedOriginalPath) { this.archivedOriginalPath = archivedOriginalPath; }
    public String getArchivedSidecarPath() { return archivedSidecarPath; }
    public void setArchivedSidecarPath(String archivedSidecarPath) { this.archivedSidecarPath = archivedSidecarPath; }
    public OffsetDateTime getDiscardedAt() { return discardedAt; }
    public void setDiscardedAt(OffsetDateTime discardedAt) { this.discardedAt = discardedAt; }

    /** Forgets the last failure: a post that recovered carries no stale error into the ledger or its result. */
    public void clearError() {
        errorCode = null;
        errorMessage = null;
        errorDetail = null;
        errorCategory = null;
        failedStage = null;
        graphCode = null;
        graphSubcode = null;
        fbtraceId = null;
    }
}
