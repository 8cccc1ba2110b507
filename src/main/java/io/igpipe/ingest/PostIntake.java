package io.igpipe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostLifecycle;
import org.springframework.stereotype.Component;

/**
 * Turns a settled file in a watch folder into a post: content hash (the duplicate key), sidecar fields,
 * and the move into the post's in-flight folder. The move happens <em>before</em> the ledger insert, so the
 * pipeline never claims a post whose file is not there yet; a crash in between leaves an orphan that
 * {@link InFlightRecovery} puts back.
 */
@Component("postIntake")
public class PostIntake {

    private final SidecarReader sidecars;
    private final PostLifecycle lifecycle;
    private final PostArchiver archiver;

    public PostIntake(SidecarReader sidecars, PostLifecycle lifecycle, PostArchiver archiver) {
        this.sidecars = sidecars;
        this.lifecycle = lifecycle;
        this.archiver = archiver;
    }

    public Post describe(String mediaPath, String account) throws IOException, PostRejectedException {
        Path media = Path.of(mediaPath);
        Sidecar sidecar = sidecars.read(media);
        Post post = lifecycle.newPost(account, "WATCH_FOLDER", media.getFileName().toString(), sha256(media));
        post.setOriginalPath(media.toAbsolutePath().toString());
        post.setSidecarPath(sidecar.path() == null ? null : sidecar.path().toAbsolutePath().toString());
        post.setCaption(sidecar.caption());
        post.setAltText(sidecar.altText());
        post.setLocationId(sidecar.locationId());
        post.setUserTags(sidecar.userTagsJson());
        return post;
    }

    public void moveInFlight(Post post) throws IOException {
        Path media = Path.of(post.getOriginalPath());
        Path dir = WatchFolderLayout.inFlightDirOf(media.getParent(), post.getId());
        Files.createDirectories(dir);
        if (post.getSidecarPath() != null) {
            Path sidecar = Path.of(post.getSidecarPath());
            post.setSidecarPath(Files.move(sidecar, dir.resolve(sidecar.getFileName()), StandardCopyOption.ATOMIC_MOVE).toString());
        }
        post.setOriginalPath(Files.move(media, dir.resolve(media.getFileName()), StandardCopyOption.ATOMIC_MOVE).toString());
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

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
