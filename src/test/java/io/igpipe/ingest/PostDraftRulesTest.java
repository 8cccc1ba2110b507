package io.igpipe.ingest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

import io.igpipe.IgpipeProperties;
import io.igpipe.ledger.PostType;
import org.junit.jupiter.api.Test;

class PostDraftRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String TAGS = "[{\"username\":\"jane\",\"x\":0.5,\"y\":0.5}]";

    private final PostDraftRules rules = new PostDraftRules(properties(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aWellFormedPostOfEveryTypePasses() {
        assertThatCode(() -> rules.check(draft(PostType.IMAGE, "caption", List.of(image(TAGS))))).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(draft(PostType.REELS, "caption", List.of(video())))).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(draft(PostType.STORIES, null, List.of(video())))).doesNotThrowAnyException();
        assertThatCode(() -> rules.check(draft(PostType.CAROUSEL, "caption", List.of(image(TAGS), video()))))
                .doesNotThrowAnyException();
    }

    @Test
    void aCarouselHasTwoToTenItems() {
        assertRejected(draft(PostType.CAROUSEL, null, List.of(image(null))), "INVALID_CAROUSEL");
        assertRejected(draft(PostType.CAROUSEL, null, Collections.nCopies(11, image(null))), "INVALID_CAROUSEL");
        assertThatCode(() -> rules.check(draft(PostType.CAROUSEL, null, Collections.nCopies(10, image(null)))))
                .doesNotThrowAnyException();
    }

    @Test
    void theMediaMustFitTheType() {
        assertRejected(draft(PostType.REELS, null, List.of(image(null))), "INVALID_MEDIA_TYPE");
        assertRejected(draft(PostType.IMAGE, null, List.of(video())), "INVALID_MEDIA_TYPE");
        assertRejected(draft(PostType.STORIES, null, List.of(image(null), image(null))), "INVALID_MEDIA_TYPE");
    }

    @Test
    void storiesTakeNoCaptionTagsOrCollaborators() {
        assertRejected(draft(PostType.STORIES, "hello", List.of(image(null))), "INVALID_PARAM");
        assertRejected(draft(PostType.STORIES, null, List.of(image(TAGS))), "INVALID_TAGS");
        assertRejected(new PostDraft("demo", PostType.STORIES, null, null, List.of("jane"), null, null, null, null,
                List.of(image(null))), "INVALID_COLLABORATORS");
    }

    @Test
    void atMostThreeCollaboratorsWithoutTheAt() {
        assertRejected(withCollaborators(List.of("a", "b", "c", "d")), "INVALID_COLLABORATORS");
        assertRejected(withCollaborators(List.of("@jane")), "INVALID_COLLABORATORS");
        assertThatCode(() -> rules.check(withCollaborators(List.of("a.b", "c_d", "e1")))).doesNotThrowAnyException();
    }

    @Test
    void captionLimitsAreInstagrams() {
        assertRejected(draft(PostType.IMAGE, "x".repeat(2201), List.of(image(null))), "CAPTION_TOO_LONG");
        assertRejected(draft(PostType.IMAGE, "#a ".repeat(31), List.of(image(null))), "CAPTION_TOO_LONG");
        assertRejected(draft(PostType.IMAGE, "@a ".repeat(21), List.of(image(null))), "CAPTION_TOO_LONG");
    }

    @Test
    void publishAtMustBeInTheFutureAndWithinTheHorizon() {
        assertRejected(scheduled(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)), "INVALID_SCHEDULE");
        assertRejected(scheduled(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).minusMinutes(1)), "INVALID_SCHEDULE");
        assertRejected(scheduled(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).plusDays(366)), "INVALID_SCHEDULE");
        assertThatCode(() -> rules.check(scheduled(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC).plusMinutes(1))))
                .doesNotThrowAnyException();
    }

    @Test
    void reelOnlyFieldsStayOnReels() {
        assertRejected(new PostDraft("demo", PostType.IMAGE, null, null, List.of(), true, null, null, null,
                List.of(image(null))), "INVALID_PARAM");
        assertRejected(new PostDraft("demo", PostType.IMAGE, null, null, List.of(), null, 10L, null, null,
                List.of(image(null))), "INVALID_PARAM");
        assertRejected(new PostDraft("demo", PostType.REELS, null, null, List.of(), null, -1L, null, null,
                List.of(video())), "INVALID_PARAM");
    }

    @Test
    void theAccountMustBeConfigured() {
        assertRejected(new PostDraft("nobody", PostType.IMAGE, null, null, List.of(), null, null, null, null,
                List.of(image(null))), "INVALID_PARAM");
        assertRejected(new PostDraft(null, PostType.IMAGE, null, null, List.of(), null, null, null, null,
                List.of(image(null))), "MISSING_PARAM");
    }

    private void assertRejected(PostDraft draft, String code) {
        assertThatThrownBy(() -> rules.check(draft)).isInstanceOf(PostRejectedException.class)
                .extracting(e -> ((PostRejectedException) e).getCode()).isEqualTo(code);
    }

    private static PostDraft draft(PostType type, String caption, List<DraftItem> items) {
        return new PostDraft("demo", type, caption, null, List.of(), null, null, null, null, items);
    }

    private static PostDraft withCollaborators(List<String> collaborators) {
        return new PostDraft("demo", PostType.IMAGE, null, null, collaborators, null, null, null, null,
                List.of(image(null)));
    }

    private static PostDraft scheduled(OffsetDateTime publishAt) {
        return new PostDraft("demo", PostType.IMAGE, null, null, List.of(), null, null, null, publishAt,
                List.of(image(null)));
    }

    private static DraftItem image(String tags) {
        return new DraftItem(Path.of("a.jpg"), "a.jpg", "IMAGE", null, tags);
    }

    private static DraftItem video() {
        return new DraftItem(Path.of("b.mp4"), "b.mp4", "VIDEO", null, null);
    }

    private static IgpipeProperties properties() {
        IgpipeProperties properties = new IgpipeProperties();
        IgpipeProperties.Account demo = new IgpipeProperties.Account();
        demo.setName("demo");
        properties.setAccounts(List.of(demo));
        return properties;
    }
}
