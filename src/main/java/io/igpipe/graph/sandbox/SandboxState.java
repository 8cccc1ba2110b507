package io.igpipe.graph.sandbox;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts, tokens, containers and media, guarded by one lock. Every rule that depends on more than one object
 * (the container cap, carousel children, the publishing quota, publish-once) is checked and applied under that
 * lock, so two concurrent calls can never both slip under a limit. Every change is saved when a state file is set.
 */
final class SandboxState {

    private static final Comparator<MediaRecord> NEWEST_FIRST =
            Comparator.comparing(MediaRecord::timestamp).thenComparing(MediaRecord::id).reversed();

    private final SandboxSettings settings;
    private final StateFile stateFile;
    private final IdSequence ids = new IdSequence();
    private final Map<String, AccountRecord> accounts = new LinkedHashMap<>();
    private final Map<String, TokenRecord> tokens = new LinkedHashMap<>();
    private final Map<String, ContainerRecord> containers = new LinkedHashMap<>();
    private final Map<String, MediaRecord> media = new LinkedHashMap<>();

    private SandboxState(SandboxSettings settings, StateFile stateFile) {
        this.settings = settings;
        this.stateFile = stateFile;
    }

    static SandboxState open(SandboxSettings settings) throws IOException {
        StateFile file = settings.stateFile() == null ? null : new StateFile(settings.stateFile());
        SandboxState state = new SandboxState(settings, file);
        if (file != null) {
            file.read().ifPresent(state::restore);
        }
        return state;
    }

    private void restore(StateFile.Contents contents) {
        contents.accounts().forEach(a -> accounts.put(a.igUserId(), a));
        contents.tokens().forEach(t -> tokens.put(t.digest(), t));
        contents.containers().forEach(c -> {
            containers.put(c.id(), c);
            ids.advancePast(c.id());
        });
        contents.media().forEach(m -> {
            media.put(m.id(), m);
            ids.advancePast(m.id());
        });
    }

    // ---- accounts and tokens ----

    synchronized void registerAccount(String igUserId, String username, String accessToken, Instant now) {
        accounts.put(igUserId, new AccountRecord(igUserId, username));
        String digest = TokenRecord.digestOf(accessToken);
        TokenRecord existing = tokens.get(digest);
        boolean keepAge = existing != null && existing.igUserId().equals(igUserId)
                && now.isBefore(existing.expiresAt());
        TokenRecord token = keepAge
                ? existing.withState(TokenState.VALID, now)
                : TokenRecord.issue(accessToken, igUserId, now, now.plus(settings.tokenLifetime()));
        tokens.put(digest, token);
        persist();
    }

    synchronized void setTokenState(String accessToken, TokenState state, Instant now) {
        String digest = TokenRecord.digestOf(accessToken);
        TokenRecord token = tokens.get(digest);
        if (token == null) {
            throw new IllegalArgumentException("unknown access token " + TokenRecord.hintOf(accessToken));
        }
        tokens.put(digest, state == TokenState.VALID && !now.isBefore(token.expiresAt())
                ? token.reissued(now, now.plus(settings.tokenLifetime()))
                : token.withState(state, now));
        persist();
    }

    synchronized Caller authenticate(String accessToken, Instant now) {
        if (accessToken == null || accessToken.isBlank()) {
            throw GraphError.tokenRequired().raise();
        }
        TokenRecord token = tokens.get(TokenRecord.digestOf(accessToken));
        if (token == null) {
            throw GraphError.tokenUnparseable().raise();
        }
        TokenState state = token.effectiveState(now);
        if (state != TokenState.VALID) {
            throw GraphError.tokenInvalid(state, token.igUserId(), token.expiredAt(), now).raise();
        }
        return new Caller(token.igUserId());
    }

    /** Refreshes a valid token old enough to be refreshed; the string stays the same, its 60 days restart. */
    synchronized TokenRecord refresh(String accessToken, Instant now) {
        String digest = TokenRecord.digestOf(accessToken);
        TokenRecord token = tokens.get(digest);
        if (token == null) {
            throw GraphError.tokenUnparseable().raise();
        }
        if (now.isBefore(token.issuedAt().plus(settings.tokenMinRefreshAge()))) {
            throw GraphError.invalidParameter("(#100) The access token cannot be refreshed yet: a long-lived token "
                    + "can be refreshed only when it is at least 24 hours old").raise();
        }
        TokenRecord refreshed = token.reissued(now, now.plus(settings.tokenLifetime()));
        tokens.put(digest, refreshed);
        persist();
        return refreshed;
    }

    synchronized Optional<AccountRecord> account(String igUserId) {
        return Optional.ofNullable(accounts.get(igUserId));
    }

    synchronized boolean isAccount(String id) {
        return accounts.containsKey(id);
    }

    synchronized Optional<ContainerRecord> container(String id) {
        return Optional.ofNullable(containers.get(id));
    }

    /** A media object Graph still shows: deleted ones are gone. */
    synchronized Optional<MediaRecord> media(String id) {
        return Optional.ofNullable(media.get(id)).filter(m -> !m.deleted());
    }

    // ---- containers ----

    synchronized int containersInWindow(String ownerId, Instant now) {
        Instant windowStart = now.minus(settings.quotaWindow());
        return (int) containers.values().stream()
                .filter(c -> c.ownerId().equals(ownerId) && c.createdAt().isAfter(windowStart))
                .count();
    }

    synchronized void requireContainerCapacity(String ownerId, Instant now) {
        if (containersInWindow(ownerId, now) >= settings.containerCap()) {
            throw GraphError.containerCapReached().raise();
        }
    }

    synchronized ContainerRecord createContainer(ContainerDraft draft, ContainerOutcome faultOutcome, Instant now) {
        requireContainerCapacity(draft.ownerId(), now);
        for (String childId : draft.childIds()) {
            requireUsableCarouselChild(draft.ownerId(), childId, now);
        }
        boolean video = draft.video() != null;
        // An image was fetched and judged already; a video is judged in the background, and a resumable one has
        // not even arrived.
        Instant readyAt = !video ? now.plus(settings.imageProcessingDelay())
                : draft.video().resumable() ? null : now.plus(settings.videoProcessingDelay());
        ContainerOutcome outcome = faultOutcome != null ? faultOutcome : video ? null : ContainerOutcome.FINISHED;
        ContainerRecord container = new ContainerRecord(
                ids.next(),
                draft.ownerId(),
                draft.type(),
                now,
                readyAt,
                now.plus(settings.containerTtl()),
                outcome,
                draft.imageUrl(),
                draft.caption(),
                draft.altText(),
                draft.locationId(),
                draft.userTags(),
                draft.collaborators(),
                draft.childIds(),
                draft.image(),
                null,
                null,
                draft.video());
        containers.put(container.id(), container);
        persist();
        return container;
    }

    /** The last byte of a resumable upload arrived (or its {@code file_url} was given): processing starts now. */
    synchronized ContainerRecord videoArrived(String containerId, String fileUrl, Instant now) {
        ContainerRecord container = containers.get(containerId);
        VideoDetails details = fileUrl == null ? container.video() : container.video().fetchedFrom(fileUrl);
        ContainerRecord arrived = container.mediaArrived(now.plus(settings.videoProcessingDelay()), details);
        containers.put(containerId, arrived);
        persist();
        return arrived;
    }

    /** Where a video container lands once it was read; a container judged meanwhile (by a fault) keeps its end. */
    synchronized void recordVerdict(String containerId, ContainerOutcome verdict, VideoFacts facts, String reason) {
        ContainerRecord container = containers.get(containerId);
        if (container == null || container.outcome() != null) {
            return;
        }
        containers.put(containerId, container.judged(verdict, container.video().judged(facts, reason)));
        persist();
    }

    /**
     * After a restart: the containers whose video must be fetched and judged again. Bytes of an upload that was
     * not judged before the stop were held in memory only, so such a container waits for a new upload, as one
     * whose upload was cut off would.
     */
    synchronized List<String> videosToJudgeAgain() {
        List<String> again = new ArrayList<>();
        for (ContainerRecord container : List.copyOf(containers.values())) {
            if (!container.awaitingVerdict()) {
                continue;
            }
            if (container.video().videoUrl() != null) {
                again.add(container.id());
            } else {
                containers.put(container.id(), container.mediaArrived(null, container.video()));
            }
        }
        persist();
        return again;
    }

    private void requireUsableCarouselChild(String ownerId, String childId, Instant now) {
        ContainerRecord child = containers.get(childId);
        if (child == null || !child.ownerId().equals(ownerId)) {
            throw GraphError.mediaNotFound(childId).raise();
        }
        if (!child.type().carouselItem()) {
            throw GraphError.invalidParameter("(#100) The container " + childId
                    + " was not created with is_carousel_item=true and cannot be a carousel child").raise();
        }
        switch (child.statusAt(now)) {
            case FINISHED -> {
                // usable
            }
            case EXPIRED -> throw GraphError.containerExpired(childId).raise();
            case PUBLISHED -> throw GraphError.alreadyPublished(childId).raise();
            default -> throw GraphError.notReady().raise();
        }
    }

    // ---- publishing ----

    synchronized MediaRecord publish(String ownerId, String creationId, Instant now) {
        ContainerRecord container = containers.get(creationId);
        if (container == null || !container.ownerId().equals(ownerId)) {
            throw GraphError.mediaNotFound(creationId).raise();
        }
        switch (container.statusAt(now)) {
            case EXPIRED -> throw GraphError.containerExpired(creationId).raise();
            case PUBLISHED -> throw GraphError.alreadyPublished(creationId).raise();
            case ERROR, IN_PROGRESS -> throw GraphError.notReady().raise();
            case FINISHED -> {
                // ready
            }
        }
        if (!container.type().publishableAlone()) {
            throw GraphError.carouselItemStandalone().raise();
        }
        if (quotaUsage(ownerId, null, now) >= settings.publishQuota()) {
            throw GraphError.publishQuotaReached().raise();
        }
        String username = accounts.get(ownerId).username();
        String mediaId = ids.next();
        List<String> childMediaIds = new ArrayList<>();
        for (String childContainerId : container.childIds()) {
            ContainerRecord child = containers.get(childContainerId);
            String childMediaId = ids.next();
            childMediaIds.add(childMediaId);
            media.put(childMediaId, mediaFrom(child, childMediaId, username, now, List.of(), mediaId));
            containers.put(child.id(), child.published(childMediaId, now));
        }
        MediaRecord published = mediaFrom(container, mediaId, username, now, childMediaIds, null);
        media.put(mediaId, published);
        containers.put(container.id(), container.published(mediaId, now));
        persist();
        return published;
    }

    private static MediaRecord mediaFrom(ContainerRecord container, String mediaId, String username, Instant now,
                                         List<String> childMediaIds, String parentId) {
        ContainerType type = container.type();
        String shortcode = Shortcode.of(mediaId);
        String permalink = type.story() ? "https://www.instagram.com/stories/" + username + "/" + mediaId + "/"
                : type == ContainerType.REELS ? "https://www.instagram.com/reel/" + shortcode + "/"
                : "https://www.instagram.com/p/" + shortcode + "/";
        String mediaUrl = type.fetchesImage() ? "https://scontent.cdninstagram.com/v/t51.2885-15/" + mediaId + "_n.jpg"
                : type.video() ? "https://scontent.cdninstagram.com/o1/v/t16/f2/m86/" + mediaId + "_n.mp4"
                : null;
        Boolean shareToFeed = type == ContainerType.REELS
                ? !Boolean.FALSE.equals(container.video().shareToFeed()) : null;
        return new MediaRecord(mediaId, container.ownerId(), container.id(), type.mediaType(),
                type.mediaProductType(), container.caption(), container.altText(), now, shortcode, permalink,
                mediaUrl, childMediaIds, parentId, shareToFeed, null);
    }

    /**
     * Deletes a published post with its carousel children. Stories and single carousel children cannot be deleted;
     * what Graph answers then is modelled, see {@link GraphError#storyNotDeletable}.
     */
    synchronized void delete(String ownerId, String mediaId, Instant now) {
        MediaRecord target = media.get(mediaId);
        if (target == null || target.deleted() || !target.ownerId().equals(ownerId)) {
            throw GraphError.unsupportedRequest("DELETE", mediaId).raise();
        }
        if (!target.topLevel()) {
            throw GraphError.carouselChildNotDeletable(mediaId).raise();
        }
        if (target.mediaProductType().equals("STORY")) {
            throw GraphError.storyNotDeletable(mediaId).raise();
        }
        for (String childId : target.childIds()) {
            media.computeIfPresent(childId, (id, child) -> child.deletedAt(now));
        }
        media.put(mediaId, target.deletedAt(now));
        persist();
    }

    /** Successful publishes of the account in the rolling window, optionally only those after {@code since}. */
    synchronized int quotaUsage(String ownerId, Instant since, Instant now) {
        Instant windowStart = now.minus(settings.quotaWindow());
        Instant from = since != null && since.isAfter(windowStart) ? since : windowStart;
        return (int) media.values().stream()
                .filter(m -> m.topLevel() && m.ownerId().equals(ownerId) && m.timestamp().isAfter(from)
                        && !m.timestamp().isAfter(now))
                .count();
    }

    /** The account's posts, newest first, as {@code GET /{ig-user-id}/media} lists them. */
    synchronized List<MediaRecord> postsOf(String ownerId) {
        return media.values().stream()
                .filter(m -> m.topLevel() && !m.deleted() && m.ownerId().equals(ownerId))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    // ---- admin ----

    synchronized void resetAllButAccounts() {
        containers.clear();
        media.clear();
        persist();
    }

    synchronized SandboxSnapshot snapshot(Instant now, List<CallRecord> calls, CallBudget budget) {
        List<SandboxSnapshot.AccountView> accountViews = accounts.values().stream()
                .map(a -> new SandboxSnapshot.AccountView(
                        a.igUserId(),
                        a.username(),
                        tokens.values().stream()
                                .filter(t -> t.igUserId().equals(a.igUserId()))
                                .map(t -> new SandboxSnapshot.TokenView(t.hint(), t.effectiveState(now),
                                        t.issuedAt(), t.expiresAt()))
                                .toList(),
                        quotaUsage(a.igUserId(), null, now),
                        containersInWindow(a.igUserId(), now),
                        budget.usage(a.igUserId(), now).callCount()))
                .toList();
        List<SandboxSnapshot.ContainerView> containerViews = containers.values().stream()
                .map(c -> new SandboxSnapshot.ContainerView(c.id(), c.ownerId(), c.type(), c.statusAt(now),
                        c.statusTextAt(now), c.createdAt(), c.imageUrl(), c.caption(), c.altText(), c.locationId(),
                        c.userTags(), c.collaborators(), c.childIds(), c.image(), c.publishedMediaId(), c.video()))
                .toList();
        List<SandboxSnapshot.MediaView> mediaViews = media.values().stream()
                .map(m -> new SandboxSnapshot.MediaView(m.id(), m.ownerId(), m.containerId(), m.caption(),
                        m.mediaType(), m.mediaProductType(), m.timestamp(), m.permalink(), m.shortcode(),
                        m.childIds(), m.parentId(), m.shareToFeed(), m.deletedAt()))
                .toList();
        return new SandboxSnapshot(now, accountViews, containerViews, mediaViews, calls);
    }

    private void persist() {
        if (stateFile != null) {
            stateFile.write(new StateFile.Contents(StateFile.VERSION, List.copyOf(accounts.values()),
                    List.copyOf(tokens.values()), List.copyOf(containers.values()), List.copyOf(media.values())));
        }
    }
}
