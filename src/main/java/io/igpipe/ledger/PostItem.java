package io.igpipe.ledger;

import java.time.OffsetDateTime;

/**
 * One item of a carousel ({@code post_item} row), in carousel order. Each item is prepared on its own and gets
 * its own child container, so a child Instagram refuses is rebuilt without touching the others.
 */
public class PostItem {

    private String postId;
    private int position;
    private String mediaType;
    private String originalName;
    private String originalPath;
    private String contentHash;
    private String altText;
    private String userTags;
    private String preparedPath;
    private Integer preparedWidth;
    private Integer preparedHeight;
    private Long preparedBytes;
    private String containerId;
    private String containerStatus;
    private int containerBuilds;
    private int containerPolls;
    private OffsetDateTime containerCreatedAt;
    private OffsetDateTime containerFinishedAt;
    private String uploadUri;
    private OffsetDateTime uploadedAt;
    private String errorCode;
    private String errorMessage;

    public String getPostId() { return postId; }
    public void setPostId(String postId) { this.postId = postId; }
    public int getPosition() { return position; }
    public void setPosition(int position) { this.position = position; }
    public String getMediaType() { return mediaType; }
    public void setMediaType(String mediaType) { this.mediaType = mediaType; }
    public String getOriginalName() { return originalName; }
    public void setOriginalName(String originalName) { this.originalName = originalName; }
    public String getOriginalPath() { return originalPath; }
    public void setOriginalPath(String originalPath) { this.originalPath = originalPath; }
    public String getContentHash() { return contentHash; }
    public void setContentHash(String contentHash) { this.contentHash = contentHash; }
    public String getAltText() { return altText; }
    public void setAltText(String altText) { this.altText = altText; }
    public String getUserTags() { return userTags; }
    public void setUserTags(String userTags) { this.userTags = userTags; }
    public String getPreparedPath() { return preparedPath; }
    public void setPreparedPath(String preparedPath) { this.preparedPath = preparedPath; }
    public Integer getPreparedWidth() { return preparedWidth; }
    public void setPreparedWidth(Integer preparedWidth) { this.preparedWidth = preparedWidth; }
    public Integer getPreparedHeight() { return preparedHeight; }
    public void setPreparedHeight(Integer preparedHeight) { this.preparedHeight = preparedHeight; }
    public Long getPreparedBytes() { return preparedBytes; }
    public void setPreparedBytes(Long preparedBytes) { this.preparedBytes = preparedBytes; }
    public String getContainerId() { return containerId; }
    public void setContainerId(String containerId) { this.containerId = containerId; }
    public String getContainerStatus() { return containerStatus; }
    public void setContainerStatus(String containerStatus) { this.containerStatus = containerStatus; }
    public int getContainerBuilds() { return containerBuilds; }
    public void setContainerBuilds(int containerBuilds) { this.containerBuilds = containerBuilds; }
    public int getContainerPolls() { return containerPolls; }
    public void setContainerPolls(int containerPolls) { this.containerPolls = containerPolls; }
    public OffsetDateTime getContainerCreatedAt() { return containerCreatedAt; }
    public void setContainerCreatedAt(OffsetDateTime containerCreatedAt) { this.containerCreatedAt = containerCreatedAt; }
    public OffsetDateTime getContainerFinishedAt() { return containerFinishedAt; }
    public void setContainerFinishedAt(OffsetDateTime containerFinishedAt) { this.containerFinishedAt = containerFinishedAt; }
    public String getUploadUri() { return uploadUri; }
    public void setUploadUri(String uploadUri) { this.uploadUri = uploadUri; }
    public OffsetDateTime getUploadedAt() { return uploadedAt; }
    public void setUploadedAt(OffsetDateTime uploadedAt) { this.uploadedAt = uploadedAt; }
    public String getErrorCode() { return errorCode; }
    public void setErrorCode(String errorCode) { this.errorCode = errorCode; }
    public String getErrorMessage() { return errorMessage; }
    public void setErrorMessage(String errorMessage) { this.errorMessage = errorMessage; }

    public boolean isVideo() {
        return "VIDEO".equals(mediaType);
    }

    @Override
    public String toString() {
        return "PostItem[" + postId + "#" + position + ", " + mediaType + ", " + originalName + "]";
    }
}
