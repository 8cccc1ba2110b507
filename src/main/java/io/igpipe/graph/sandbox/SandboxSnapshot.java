package io.igpipe.graph.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An immutable picture of the sandbox at one instant, for tests and for {@code GET /__sandbox/state}.
 * Container statuses are evaluated at {@code takenAt}.
 */
public record SandboxSnapshot(
        Instant takenAt,
        List<AccountView> accounts,
        List<ContainerView> containers,
        List<MediaView> media,
        List<CallRecord> calls) {

    public SandboxSnapshot {
        accounts = List.copyOf(accounts);
        containers = List.copyOf(containers);
        media = List.copyOf(media);
        calls = List.copyOf(calls);
    }

    /**
     * @param quotaUsage         successful publishes in the current quota window
     * @param containersInWindow container creations in the current quota window (the 400 cap)
     * @param bucCallCount       percentage of the call budget used in the current window
     */
    public record AccountView(String igUserId, String username, List<TokenView> tokens, int quotaUsage,
                              int containersInWindow, int bucCallCount) {
    }

    /** A token without its secret: {@code hint} is its last four characters. */
    public record TokenView(String hint, TokenState state, Instant issuedAt, Instant expiresAt) {
    }

    public record ContainerView(
            String id,
            String ownerId,
            ContainerType type,
            ContainerStatus statusCode,
            String status,
            Instant createdAt,
            String imageUrl,
            String caption,
            String altText,
            String locationId,
            List<UserTag> userTags,
            List<String> collaborators,
            List<String> childIds,
            ImageFacts image,
            String publishedMediaId,
            VideoDetails video) {
    }

    /**
     * @param shareToFeed a reel's {@code share_to_feed}, true when it was not sent; null for anything else
     * @param deletedAt   when it was deleted through {@code DELETE /{media-id}}; null while it is on Instagram
     */
    public record MediaView(
            String id,
            String ownerId,
            String containerId,
            String caption,
            String mediaType,
            String mediaProductType,
            Instant timestamp,
            String permalink,
            String shortcode,
            List<String> childIds,
            String parentId,
            Boolean shareToFeed,
            Instant deletedAt) {
    }

    public Optional<AccountView> account(String igUserId) {
        return accounts.stream().filter(a -> a.igUserId().equals(igUserId)).findFirst();
    }

    public Optional<ContainerView> container(String id) {
        return containers.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    public Optional<MediaView> mediaById(String id) {
        return media.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** Published posts of an account still on Instagram (carousel children excluded), newest first. */
    public List<MediaView> publishedBy(String igUserId) {
        return media.stream()
                .filter(m -> m.ownerId().equals(igUserId) && m.parentId() == null && m.deletedAt() == null)
                .sorted((a, b) -> b.timestamp().compareTo(a.timestamp()))
                .toList();
    }

    public List<CallRecord> calls(EndpointKind endpoint) {
        return calls.stream().filter(c -> c.endpoint() == endpoint).toList();
    }

    public long callCount(EndpointKind endpoint) {
        return calls.stream().filter(c -> c.endpoint() == endpoint).count();
    }

    public int quotaUsage(String igUserId) {
        return account(igUserId).map(AccountView::quotaUsage).orElse(0);
    }

    public Map<String, Integer> quotaUsageByAccount() {
        return accounts.stream().collect(Collectors.toUnmodifiableMap(
                AccountView::igUserId, AccountView::quotaUsage));
    }
}
