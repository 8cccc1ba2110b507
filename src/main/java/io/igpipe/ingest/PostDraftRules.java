package io.igpipe.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.PostType;
import org.springframework.stereotype.Component;

/**
 * Which fields and items each post type may carry (graph-api.md section 1.1), checked before the post enters the
 * ledger, so a post Instagram would refuse for its form never gets a container. The codes are the API's error
 * codes; the watch folder records them in the post's {@code .error.json}.
 */
@Component("postDraftRules")
public class PostDraftRules {

    static final int MIN_CAROUSEL_ITEMS = 2;
    static final int MAX_CAROUSEL_ITEMS = 10;
    static final int MAX_COLLABORATORS = 3;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._]{1,30}");
    private static final Pattern PAGE_ID = Pattern.compile("[0-9]{1,30}");

    private final IgpipeProperties properties;
    private final Clock clock;

    public PostDraftRules(IgpipeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public void check(PostDraft draft) throws PostRejectedException {
        if (draft.account() == null || draft.account().isBlank()) {
            throw new PostRejectedException("MISSING_PARAM", "account is required.");
        }
        if (properties.account(draft.account()).isEmpty()) {
            throw new PostRejectedException("INVALID_PARAM", "account '" + draft.account()
                    + "' is not configured; configured accounts: "
                    + properties.getAccounts().stream().map(IgpipeProperties.Account::getName).toList() + ".");
        }
        if (draft.type() == null) {
            throw new PostRejectedException("MISSING_PARAM", "type is required (IMAGE, CAROUSEL, REELS or STORIES).");
        }
        checkItems(draft);
        checkFields(draft);
        checkSchedule(draft.publishAt());
    }

    private static void checkItems(PostDraft draft) throws PostRejectedException {
        List<DraftItem> items = draft.items();
        if (items.isEmpty()) {
            throw new PostRejectedException("MISSING_PARAM", "A post needs at least one media file.");
        }
        switch (draft.type()) {
            case CAROUSEL -> {
                if (items.size() < MIN_CAROUSEL_ITEMS || items.size() > MAX_CAROUSEL_ITEMS) {
                    throw new PostRejectedException("INVALID_CAROUSEL", "A carousel has " + MIN_CAROUSEL_ITEMS
                            + " to " + MAX_CAROUSEL_ITEMS + " items; this one has " + items.size() + ".");
                }
            }
            case IMAGE -> requireSingle(draft, "IMAGE", "An IMAGE post is one photo; send a video as REELS.");
            case REELS -> requireSingle(draft, "VIDEO", "A reel is one video; send a photo as IMAGE or STORIES.");
            case STORIES -> requireSingle(draft, null, null);
        }
    }

    private static void requireSingle(PostDraft draft, String mediaType, String mismatch) throws PostRejectedException {
        if (draft.items().size() != 1) {
            throw new PostRejectedException("INVALID_MEDIA_TYPE", "A " + draft.type() + " post has exactly one media "
                    + "file; this one has " + draft.items().size() + ". Send several as a CAROUSEL.");
        }
        if (mediaType != null && !mediaType.equals(draft.items().get(0).mediaType())) {
            throw new PostRejectedException("INVALID_MEDIA_TYPE", mismatch);
        }
    }

    private static void checkFields(PostDraft draft) throws PostRejectedException {
        PostType type = draft.type();
        boolean story = type == PostType.STORIES;
        if (story && draft.caption() != null) {
            throw new PostRejectedException("INVALID_PARAM", "Stories have no caption; remove it.");
        }
        CaptionRules.checkCaption("the post", draft.caption());
        if (story && draft.locationId() != null) {
            throw new PostRejectedException("INVALID_PARAM", "Stories take no location_id.");
        }
        if (draft.locationId() != null && !PAGE_ID.matcher(draft.locationId()).matches()) {
            throw new PostRejectedException("INVALID_PARAM", "location_id must be the numeric id of a Facebook Page "
                    + "with location data.");
        }
        checkCollaborators(draft);
        if (draft.shareToFeed() != null && type != PostType.REELS) {
            throw new PostRejectedException("INVALID_PARAM", "share_to_feed applies to REELS only.");
        }
        if (draft.thumbOffsetMs() != null && (type != PostType.REELS || draft.thumbOffsetMs() < 0)) {
            throw new PostRejectedException("INVALID_PARAM", type != PostType.REELS
                    ? "thumb_offset applies to REELS only." : "thumb_offset is milliseconds into the video, 0 or more.");
        }
        if (draft.cover() != null && type != PostType.REELS) {
            throw new PostRejectedException("INVALID_PARAM", "A cover image applies to REELS only.");
        }
        for (DraftItem item : draft.items()) {
            checkItemFields(type, item);
        }
    }

    private static void checkCollaborators(PostDraft draft) throws PostRejectedException {
        List<String> collaborators = draft.collaborators();
        if (collaborators.isEmpty()) {
            return;
        }
        if (draft.type() == PostType.STORIES) {
            throw new PostRejectedException("INVALID_COLLABORATORS", "Stories cannot have collaborators.");
        }
        if (collaborators.size() > MAX_COLLABORATORS) {
            throw new PostRejectedException("INVALID_COLLABORATORS", "At most " + MAX_COLLABORATORS
                    + " collaborators; this post has " + collaborators.size() + ".");
        }
        for (String name : collaborators) {
            if (name == null || !USERNAME.matcher(name).matches()) {
                throw new PostRejectedException("INVALID_COLLABORATORS", "'" + name + "' is not an Instagram "
                        + "username; write it without the leading @ (letters, digits, '.' and '_', up to 30).");
            }
        }
    }

    private static void checkItemFields(PostType type, DraftItem item) throws PostRejectedException {
        if (item.userTagsJson() != null && type == PostType.STORIES) {
            throw new PostRejectedException("INVALID_TAGS", "user_tags apply to IMAGE, CAROUSEL and REELS posts, "
                    + "not to STORIES.");
        }
        if (item.altText() != null) {
            if (item.isVideo() || type == PostType.STORIES) {
                throw new PostRejectedException("INVALID_PARAM", "alt_text applies to feed photos and carousel "
                        + "photos only (" + item.originalName() + ").");
            }
            if (item.altText().length() > CaptionRules.MAX_ALT_TEXT) {
                throw new PostRejectedException("INVALID_PARAM", "alt_text for " + item.originalName() + " has "
                        + item.altText().length() + " characters; Instagram allows " + CaptionRules.MAX_ALT_TEXT + ".");
            }
        }
    }

    private void checkSchedule(OffsetDateTime publishAt) throws PostRejectedException {
        if (publishAt == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!publishAt.isAfter(now)) {
            throw new PostRejectedException("INVALID_SCHEDULE", "publish_at " + publishAt
                    + " is not in the future (now " + now + "); omit it to publish at once.");
        }
        OffsetDateTime latest = now.plus(properties.getPosts().getScheduleHorizon());
        if (publishAt.isAfter(latest)) {
            throw new PostRejectedException("INVALID_SCHEDULE", "publish_at " + publishAt + " is further ahead than "
                    + "igpipe.posts.schedule-horizon (" + properties.getPosts().getScheduleHorizon() + ").");
        }
    }
}
