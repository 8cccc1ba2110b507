package io.igpipe.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostItem;
import io.igpipe.ledger.PostType;
import org.springframework.stereotype.Component;

/**
 * Turns a settled file or carousel folder in a watch folder into a post: type, sidecar fields checked against
 * the post type's rules, content hash (the duplicate key), and the move into the post's in-flight folder. The move happens <em>before</em> the ledger insert, so the
 * pipeline never claims a post whose file is not there yet; a crash in between leaves an orphan that
 * {@link InFlightRecovery} puts back.
 */
@Component("postIntake")
public class PostIntake {

    private static final List<String> COVER_EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".webp");

    private final SidecarReader sidecars;
    private final PostDraftRules rules;
    private final DraftMedia media;
    private final PostArchiver archiver;

    public PostIntake(SidecarReader sidecars, PostDraftRules rules, DraftMedia media, PostArchiver archiver) {
        this.sidecars = sidecars;
        this.rules = rules;
        this.media = media;
        this.archiver = archiver;
    }

    /**
     * The post a settled path in a watch folder stands for: a file is a photo or video post (a video is a reel; a
     * file in {@code stories/}, or whose sidecar says {@code type: STORIES}, is a story), a folder is a carousel.
     */
    public Post describe(String path, String account) throws IOException, PostRejectedException {
        Path media = Path.of(path);
        return Files.isDirectory(media) ? describeCarousel(media, account) : describeFile(media, account);
    }

    private Post describeFile(Path file, String account) throws IOException, PostRejectedException {
        String name = file.getFileName().toString();
        Sidecar sidecar = sidecars.read(file);
        String mediaType = MediaKind.videoOrImage(file, name);
        Path cover = MediaKind.VIDEO.equals(mediaType) ? coverOf(file) : null;
        PostDraft draft = new PostDraft(account, typeOf(file, sidecar, mediaType), sidecar.caption(),
                sidecar.locationId(), sidecar.collaborators(), sidecar.shareToFeed(), sidecar.thumbOffsetMs(), cover,
                sidecar.publishAt(), List.of(new DraftItem(file, name, mediaType, sidecar.altText(), sidecar.userTagsJson())));
        Post post = recordable(draft, name);
        post.setOriginalPath(file.toAbsolutePath().toString());
        post.setSidecarPath(sidecar.path() == null ? null : sidecar.path().toAbsolutePath().toString());
        post.setCoverOriginalPath(cover == null ? null : cover.toAbsolutePath().toString());
        return post;
    }

    private Post describeCarousel(Path folder, String account) throws IOException, PostRejectedException {
        String name = folder.getFileName().toString();
        Sidecar sidecar = sidecars.readCarousel(folder.resolve(CarouselFolders.POST_FILE));
        List<DraftItem> items = new ArrayList<>();
        for (Path file : CarouselFolders.itemsOf(folder)) {
            String itemName = file.getFileName().toString();
            Sidecar.ItemFields fields = sidecar.items().getOrDefault(itemName, new Sidecar.ItemFields(null, null));
            items.add(new DraftItem(file, itemName, MediaKind.videoOrImage(file, name + "/" + itemName), fields.altText(),
                    fields.userTagsJson()));
        }
        for (String named : sidecar.items().keySet()) {
            if (items.stream().noneMatch(item -> item.originalName().equals(named))) {
                throw new PostRejectedException("SIDECAR_INVALID", name + "/" + CarouselFolders.POST_FILE
                        + " describes '" + named + "', which is not a media file of the carousel.");
            }
        }
        PostDraft draft = new PostDraft(account, PostType.CAROUSEL, sidecar.caption(), sidecar.locationId(),
                sidecar.collaborators(), null, null, null, sidecar.publishAt(), items);
        Post post = recordable(draft, name);
        post.setOriginalPath(folder.toAbsolutePath().toString());
        return post;
    }

    private Post recordable(PostDraft draft, String name) throws IOException, PostRejectedException {
        rules.check(draft);
        DraftMedia.Hashed hashed = media.hash(draft);
        Post post = media.newPost(draft, "WATCH_FOLDER", hashed, name);
        List<PostItem> items = new ArrayList<>();
        if (draft.type() == PostType.CAROUSEL) {
            for (int i = 0; i < draft.items().size(); i++) {
                DraftItem item = draft.items().get(i);
                items.add(DraftMedia.itemOf(i + 1, item, item.file().toAbsolutePath(), hashed.itemHashes().get(i)));
            }
        }
        post.setItems(items);
        return post;
    }

    private static PostType typeOf(Path file, Sidecar sidecar, String mediaType) {
        if (sidecar.type() != null) {
            return sidecar.type();
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && parent.getFileName().toString().equalsIgnoreCase(CarouselFolders.STORIES_FOLDER)) {
            return PostType.STORIES;
        }
        return MediaKind.VIDEO.equals(mediaType) ? PostType.REELS : PostType.IMAGE;
    }

    /** {@code clip.cover.jpg}: the cover of {@code clip.mp4}, never a post of its own. */
    static boolean isReelCover(String fileName) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        return COVER_EXTENSIONS.stream().anyMatch(extension -> lower.endsWith(".cover" + extension));
    }

    /** {@code clip.cover.jpg} next to {@code clip.mp4} is the reel's cover (the watch folder never takes it alone). */
    private static Path coverOf(Path video) {
        String base = SidecarReader.baseName(video.getFileName().toString());
        for (String extension : COVER_EXTENSIONS) {
            Path cover = video.resolveSibling(base + ".cover" + extension);
            if (Files.isRegularFile(cover)) {
                return cover;
            }
        }
        return null;
    }

    /** Moves the media (a file with its sidecar and cover, or a carousel folder) into the post's in-flight folder. */
    public void moveInFlight(Post post) throws IOException {
        Path media = Path.of(post.getOriginalPath());
        Path dir = WatchFolderLayout.inFlightDirOf(media.getParent(), post.getId());
        Files.createDirectories(dir);
        if (post.getSidecarPath() != null) {
            post.setSidecarPath(moveInto(dir, Path.of(post.getSidecarPath())).toString());
        }
        if (post.getCoverOriginalPath() != null) {
            post.setCoverOriginalPath(moveInto(dir, Path.of(post.getCoverOriginalPath())).toString());
        }
        Path moved = moveInto(dir, media);
        post.setOriginalPath(moved.toString());
        for (PostItem item : post.getItems()) {
            item.setOriginalPath(moved.resolve(Path.of(item.getOriginalPath()).getFileName()).toString());
        }
    }

    private static Path moveInto(Path dir, Path file) throws IOException {
        return Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    public void setAsideDuplicate(Post post, Post live) throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("existingPostId", live.getId());
        details.put("existingState", live.getState());
        details.put("existingMediaId", live.getMediaId());
        String message = post.getOriginalName() + " has the same content as post " + live.getId()
                + (live.getMediaId() != null ? " (published as media " + live.getMediaId() + ")" : " (" + live.getState() + ")")
                + " for account " + post.getAccount() + "; it is not published again.";
        Path media = Path.of(post.getOriginalPath());
        archiver.setAsideAtIntake(media, post.getSidecarPath(), media.getParent(), post.getAccount(),
                "DUPLICATE_CONTENT", message, post.getContentHash(), details);
    }

    /** Another instance recorded the same content between our look-up and our insert; our copy is in flight. */
    public void setAsideConcurrentDuplicate(Post post) throws IOException {
        Path media = Path.of(post.getOriginalPath());
        Path inFlightDir = media.getParent();
        archiver.setAsideAtIntake(media, post.getSidecarPath(), WatchFolderLayout.watchFolderOfInFlight(media),
                post.getAccount(), "DUPLICATE_CONTENT", post.getOriginalName()
                        + " has the same content as a post recorded a moment earlier; it is not published again.",
                post.getContentHash(), Map.of());
        Files.deleteIfExists(inFlightDir);
    }

    public void setAsideRejected(String mediaPath, String account, Exception failure) throws IOException {
        PostRejectedException rejection = rejectionIn(failure);
        Path media = Path.of(mediaPath);
        String sidecar = SidecarReader.candidates(media).stream().findFirst().map(Path::toString).orElse(null);
        archiver.setAsideAtIntake(media, sidecar, media.getParent(), account, rejection.getCode(), rejection.getMessage(),
                null, Map.of());
    }

    private static PostRejectedException rejectionIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostRejectedException rejection) {
                return rejection;
            }
        }
        throw new IllegalArgumentException("Not a rejection: " + failure, failure);
    }

}
