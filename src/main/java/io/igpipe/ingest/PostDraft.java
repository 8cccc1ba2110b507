package io.igpipe.ingest;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import io.igpipe.ledger.PostType;

/**
 * A post as submitted, from a watch folder or the HTTP API, before it is checked against Instagram's rules
 * ({@link PostDraftRules}) and recorded in the ledger. Post-level fields are those Instagram takes on the
 * single container or the carousel parent; per-item alt text and user tags ride on {@link DraftItem}.
 *
 * @param collaborators Instagram usernames without "@", at most 3; empty when none
 * @param thumbOffsetMs Reels: the cover frame in milliseconds, when no cover image is given
 * @param cover         Reels: an optional cover image
 * @param publishAt     not published before this instant; null publishes as soon as possible
 */
public record PostDraft(String account, PostType type, String caption, String locationId,
        List<String> collaborators, Boolean shareToFeed, Long thumbOffsetMs, Path cover,
        OffsetDateTime publishAt, List<DraftItem> items) {

    public PostDraft {
        collaborators = collaborators == null ? List.of() : List.copyOf(collaborators);
        items = items == null ? List.of() : List.copyOf(items);
    }
}
