package io.igpipe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.FileTrees;
import io.igpipe.IgpipeProperties;
import io.igpipe.Sha256;
import io.igpipe.ledger.Post;
import io.igpipe.ledger.PostType;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * POST /api/v1/posts: turns a request into a {@link PostDraft} and hands it to {@link PostSubmissions}.
 * <p>
 * Two shapes: {@code multipart/form-data} with {@code file} parts in carousel order, an optional {@code cover}
 * part and a {@code post} part holding the JSON fields; or a JSON body whose {@code media_urls} (and
 * {@code cover_url}) are downloaded by {@link ApiMediaDownloader}. Files wait in a staging folder of their own until
 * the submission moves them into the post's folder; whatever is left there is deleted when the request ends.
 * Carousels carry per-item alt text and user tags in {@code items}, aligned with the files; other types take them at
 * the top level. Unknown fields are refused: a typo is likelier than a field to ignore, and a post cannot be
 * taken back once published.
 */
@Component("apiPostRequests")
public class ApiPostRequests {

    private static final Logger LOG = LoggerFactory.getLogger(ApiPostRequests.class);
    private static final Set<String> FIELDS = new TreeSet<>(Set.of("account", "type", "caption", "alt_text",
            "user_tags", "location_id", "collaborators", "thumb_offset", "share_to_feed", "publish_at", "items",
            "media_urls", "cover_url"));
    private static final Set<String> ITEM_FIELDS = new TreeSet<>(Set.of("alt_text", "user_tags"));
    private static final Set<String> FILE_PARTS = new TreeSet<>(Set.of("file", "cover", "post"));
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    private final PostSubmissions submissions;
    private final ApiIdempotency idempotency;
    private final ApiMediaDownloader downloader;
    private final ApiSettings settings;
    private final IgpipeProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    public ApiPostRequests(PostSubmissions submissions, ApiIdempotency idempotency, ApiMediaDownloader downloader,
            ApiSettings settings, IgpipeProperties properties) {
        this.submissions = submissions;
        this.idempotency = idempotency;
        this.downloader = downloader;
        this.settings = settings;
        this.properties = properties;
    }

    /** A file in the staging folder, with the name the client gave it and what its first bytes say it is. */
    record StagedFile(Path path, String originalName, String mediaType, String sha256) {
    }

    /** The request read and its uploads staged (downloads come later, after the idempotency check). */
    private record ReadRequest(Map<String, Object> fields, List<StagedFile> files, StagedFile cover,
            String fingerprint) {
    }

    public Map<String, Object> submit(Exchange exchange) throws IOException {
        String apiKeyId = exchange.getVariable(ApiAuthentication.API_KEY_ID, String.class);
        String idempotencyKey = ApiIdempotency.keyOf(exchange.getMessage().getHeader(ApiIdempotency.HEADER, String.class));
        HttpServletRequest request = servletRequestOf(exchange);
        Path staging = newStagingFolder();
        try {
            ReadRequest read = request instanceof MultipartHttpServletRequest multipart
                    ? readMultipart(multipart, staging) : readJson(exchange, request);
            Optional<Post> earlier = idempotency.earlierPost(apiKeyId, idempotencyKey, read.fingerprint());
            if (earlier.isPresent()) {
                return answer(exchange, earlier.get(), List.of(), true);
            }
            refuseIfPaused(read.fields().get("account"));
            ReadRequest complete = read.files().isEmpty() ? download(read, staging) : read;
            PostDraft draft = draftOf(complete);
            PostSubmissions.Submission submission;
            try {
                submission = submissions.submit(draft,
                        new PostSubmissions.ApiOrigin(apiKeyId, idempotencyKey, read.fingerprint()));
            } catch (DuplicateKeyException concurrentRepeat) {
                // the same key won a race a moment ago, or the same content went live: the ledger's unique indexes decide
                Post original = idempotency.earlierPost(apiKeyId, idempotencyKey, read.fingerprint())
                        .orElseThrow(() -> new ApiException(ApiErrorCode.DUPLICATE_CONTENT, "The same content was "
                                + "submitted for account " + draft.account() + " a moment ago; it is not posted twice."));
                return answer(exchange, original, List.of(), true);
            } catch (PostRejectedException rejected) {
                throw ApiException.of(rejected);
            }
            LOG.info("Post {} submitted through the API ({} {}, {} file(s))", submission.post().getId(),
                    draft.account(), draft.type(), draft.items().size());
            return answer(exchange, submission.post(), submission.warnings(), false);
        } finally {
            deleteQuietly(staging);
        }
    }

    private Map<String, Object> answer(Exchange exchange, Post post, List<String> warnings, boolean replayed) {
        String statusUrl = ApiPostViews.statusUrl(post.getId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", post.getId());
        body.put("status", post.getState());
        body.put("statusUrl", statusUrl);
        body.put("publishAt", post.getPublishAt() == null ? null : post.getPublishAt().toString());
        body.put("warnings", warnings == null ? List.of() : warnings);
        ApiReplies.status(exchange, replayed ? 200 : 202);
        ApiReplies.header(exchange, "Location", statusUrl);
        if (replayed) {
            ApiReplies.header(exchange, "Idempotent-Replayed", "true");
        }
        return body;
    }

    private ReadRequest readMultipart(MultipartHttpServletRequest request, Path staging) throws IOException {
        for (String part : request.getMultiFileMap().keySet()) {
            if (!FILE_PARTS.contains(part)) {
                throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "Unknown part '" + part + "'; a multipart post "
                        + "has file parts (in carousel order), an optional cover part and a post part with the fields.");
            }
        }
        Map<String, Object> fields = fieldsOf(postPart(request));
        for (String urlField : List.of("media_urls", "cover_url")) {
            if (fields.containsKey(urlField)) {
                throw new ApiException(ApiErrorCode.VALIDATION_ERROR, urlField + " belongs in a JSON request; in a "
                        + "multipart request upload the files as parts.");
            }
        }
        List<MultipartFile> uploads = request.getMultiFileMap().getOrDefault("file", List.of());
        if (uploads.isEmpty()) {
            throw new ApiException(ApiErrorCode.MISSING_PARAM, "No file part: upload each photo or video as a part "
                    + "named file, in carousel order.");
        }
        ApiIdempotency.Fingerprint fingerprint = idempotency.newFingerprint().fields(fields);
        List<StagedFile> files = new ArrayList<>();
        for (MultipartFile upload : uploads) {
            StagedFile staged = stage(upload.getInputStream(), staging, files.size() + 1, upload.getOriginalFilename());
            fingerprint.file("file", staged.sha256());
            files.add(staged);
        }
        List<MultipartFile> covers = request.getMultiFileMap().getOrDefault("cover", List.of());
        if (covers.size() > 1) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "A reel has at most one cover part.");
        }
        StagedFile cover = null;
        if (!covers.isEmpty()) {
            cover = requirePhoto(stage(covers.get(0).getInputStream(), staging, 0, covers.get(0).getOriginalFilename()));
            fingerprint.file("cover", cover.sha256());
        }
        return new ReadRequest(fields, files, cover, fingerprint.hex());
    }

    /** The post part: a plain form field, or a file part (curl -F post=@post.json sends one). */
    private String postPart(MultipartHttpServletRequest request) throws IOException {
        MultipartFile asFile = request.getFile("post");
        if (asFile != null) {
            if (asFile.getSize() > settings.getMaxJsonBytes()) {
                throw jsonTooLarge();
            }
            return new String(asFile.getBytes(), StandardCharsets.UTF_8);
        }
        String asField = request.getParameter("post");
        return asField == null ? "{}" : asField;
    }

    private ReadRequest readJson(Exchange exchange, HttpServletRequest request) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "Send multipart/form-data (files and a post part) "
                    + "or application/json (with media_urls); got " + (contentType.isEmpty() ? "no Content-Type"
                    : contentType) + ".");
        }
        if (request.getContentLengthLong() > settings.getMaxJsonBytes()) {
            throw jsonTooLarge();
        }
        byte[] body;
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            body = in == null ? new byte[0] : in.readNBytes((int) settings.getMaxJsonBytes() + 1);
        }
        if (body.length > settings.getMaxJsonBytes()) {
            throw jsonTooLarge();
        }
        Map<String, Object> fields = fieldsOf(new String(body, StandardCharsets.UTF_8));
        if (!fields.containsKey("media_urls")) {
            throw new ApiException(ApiErrorCode.MISSING_PARAM, "media_urls is required in a JSON request (the "
                    + "photos and videos to download, in carousel order); or upload files as multipart/form-data.");
        }
        return new ReadRequest(fields, List.of(), null, idempotency.newFingerprint().fields(fields).hex());
    }

    private ApiException jsonTooLarge() {
        return new ApiException(ApiErrorCode.PAYLOAD_TOO_LARGE, "The JSON fields are larger than "
                + settings.getMaxJsonBytes() + " bytes (igpipe.api.max-json-bytes).");
    }

    private Map<String, Object> fieldsOf(String text) {
        Map<String, Object> fields;
        try {
            fields = json.readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "The post fields are not a JSON object: "
                    + e.getOriginalMessage());
        }
        if (fields == null) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "The post fields must be a JSON object, not null.");
        }
        refuseUnknown(fields, FIELDS, "");
        return fields;
    }

    private static void refuseUnknown(Map<String, ?> fields, Set<String> known, String where) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "Unknown field '" + where + name + "'; allowed: "
                        + known + ".");
            }
        }
    }

    private ReadRequest download(ReadRequest read, Path staging) throws IOException {
        List<String> urls = FieldReader.stringList(read.fields(), "media_urls");
        if (urls.isEmpty()) {
            throw new ApiException(ApiErrorCode.MISSING_PARAM, "media_urls is empty; give at least one URL.");
        }
        ApiMediaDownloader.Budget budget = downloader.newBudget();
        List<StagedFile> files = new ArrayList<>();
        for (String url : urls) {
            files.add(downloaded(url, staging, files.size() + 1, budget));
        }
        String coverUrl = FieldReader.string(read.fields(), "cover_url");
        StagedFile cover = coverUrl == null ? null : requirePhoto(downloaded(coverUrl, staging, 0, budget));
        return new ReadRequest(read.fields(), files, cover, read.fingerprint());
    }

    private StagedFile downloaded(String url, Path staging, int position, ApiMediaDownloader.Budget budget)
            throws IOException {
        Path download = staging.resolve(String.format("%02d.download", position));
        String sourceName = downloader.download(url, download, budget);
        try (InputStream in = Files.newInputStream(download)) {
            return stage(in, staging, position, sourceName);
        } finally {
            Files.deleteIfExists(download);
        }
    }

    /** Copies a file into the staging folder as {@code NN-name} (NN keeps carousel order and duplicates apart). */
    private static StagedFile stage(InputStream content, Path staging, int position, String clientName)
            throws IOException {
        String name = PostSubmissions.safeName(clientName);
        Path target = staging.resolve(String.format("%02d-%s", position, name));
        MessageDigest sha256 = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(content, sha256)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return new StagedFile(target, name, refusedAsApiError(() -> MediaKind.of(target, name)),
                Sha256.hex(sha256));
    }

    private static StagedFile requirePhoto(StagedFile cover) {
        if (!MediaKind.IMAGE.equals(cover.mediaType())) {
            throw new ApiException(ApiErrorCode.INVALID_MEDIA_TYPE, "The cover of a reel is a photo (JPEG, PNG or "
                    + "WebP); " + cover.originalName() + " is a video.");
        }
        return cover;
    }


    private PostDraft draftOf(ReadRequest read) {
        Map<String, Object> fields = read.fields();
        List<StagedFile> files = read.files();
        PostType type = typeOf(fields, files);
        boolean carousel = type == PostType.CAROUSEL;
        List<Map<String, Object>> itemFields = FieldReader.objectList(fields, "items");
        if (carousel && (fields.containsKey("alt_text") || fields.containsKey("user_tags"))) {
            throw new ApiException(ApiErrorCode.INVALID_PARAM, "A carousel takes alt_text and user_tags per item: "
                    + "put them in items[i] (aligned with the files), not at the top level.");
        }
        if (!carousel && itemFields != null) {
            throw new ApiException(ApiErrorCode.INVALID_PARAM, "items are for CAROUSEL posts; a " + type
                    + " post takes alt_text and user_tags at the top level.");
        }
        if (itemFields != null && itemFields.size() != files.size()) {
            throw new ApiException(ApiErrorCode.VALIDATION_ERROR, "items has " + itemFields.size()
                    + " entries for " + files.size() + " files; give one per file, in the same order.");
        }
        List<DraftItem> items = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Map<String, Object> itemSpec = !carousel ? fields : itemFields == null ? Map.of() : itemFields.get(i);
            String where = carousel ? "items[" + i + "]." : "";
            if (carousel) {
                refuseUnknown(itemSpec, ITEM_FIELDS, where);
            }
            StagedFile file = files.get(i);
            items.add(new DraftItem(file.path(), file.originalName(), file.mediaType(),
                    FieldReader.string(itemSpec, "alt_text"), userTags(itemSpec.get("user_tags"), where + "user_tags")));
        }
        return new PostDraft(FieldReader.string(fields, "account"), type, FieldReader.string(fields, "caption"),
                FieldReader.idText(fields, "location_id"), FieldReader.stringList(fields, "collaborators"),
                FieldReader.bool(fields, "share_to_feed"), FieldReader.wholeNumber(fields, "thumb_offset"),
                read.cover() == null ? null : read.cover().path(), publishAt(fields), items);
    }

    /** The declared type, or the obvious one: one photo IMAGE, one video REELS, several CAROUSEL. */
    private static PostType typeOf(Map<String, Object> fields, List<StagedFile> files) {
        String declared = FieldReader.string(fields, "type");
        if (declared != null) {
            try {
                return PostType.valueOf(declared.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new ApiException(ApiErrorCode.INVALID_PARAM, "type '" + declared + "' is not one of IMAGE, "
                        + "CAROUSEL, REELS, STORIES.");
            }
        }
        if (files.size() > 1) {
            return PostType.CAROUSEL;
        }
        return files.size() == 1 && MediaKind.VIDEO.equals(files.get(0).mediaType()) ? PostType.REELS : PostType.IMAGE;
    }

    private static String userTags(Object value, String where) {
        return refusedAsApiError(() -> UserTags.toGraphJson(value, where, ApiErrorCode.INVALID_TAGS.name()));
    }

    /** A check shared with the watch folder, whose refusal becomes this API's error of the same code. */
    private static <T> T refusedAsApiError(RuleCheck<T> check) {
        try {
            return check.get();
        } catch (PostRejectedException rejected) {
            throw ApiException.of(rejected);
        }
    }

    @FunctionalInterface
    private interface RuleCheck<T> {
        T get() throws PostRejectedException;
    }

    private static OffsetDateTime publishAt(Map<String, Object> fields) {
        String text = FieldReader.string(fields, "publish_at");
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text).toOffsetDateTime();
        } catch (DateTimeParseException notZoned) {
            throw new ApiException(ApiErrorCode.INVALID_PARAM, "publish_at '" + text + "' is not an ISO-8601 time "
                    + "with a zone, e.g. 2030-05-01T09:30:00+02:00 or 2030-05-01T07:30:00Z.");
        }
    }

    /** Checked before anything is downloaded: a paused account's posts would only wait for a re-authorisation. */
    private void refuseIfPaused(Object account) {
        if (account instanceof String name && properties.account(name).isPresent()) {
            refusedAsApiError(() -> {
                submissions.requireNotPaused(name);
                return name;
            });
        }
    }

    private static HttpServletRequest servletRequestOf(Exchange exchange) {
        if (exchange.getIn() instanceof PlatformHttpMessage message) {
            return message.getRequest();
        }
        throw new IllegalStateException("POST /api/v1/posts must be served by platform-http on Spring Boot");
    }

    private Path newStagingFolder() throws IOException {
        Path root = settings.getStagingDir() != null ? settings.getStagingDir()
                : properties.getDataDir().resolve("api-staging");
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "request-");
    }

    private static void deleteQuietly(Path folder) {
        try {
            FileTrees.delete(folder);
        } catch (IOException e) {
            LOG.warn("Could not delete the staging folder {}; delete it by hand", folder, e);
        }
    }

    /** Typed reads of the fields, each refusing a wrong JSON type with INVALID_PARAM and the field's name. */
    static final class FieldReader {

        private FieldReader() {
        }

        static String string(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            if (value == null || value instanceof String) {
                return value == null || ((String) value).isBlank() ? null : (String) value;
            }
            throw wrongType(name, "a string");
        }

        /** An id Instagram gives as digits: a string, or a whole number a client may have sent unquoted. */
        static String idText(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
                return value.toString();
            }
            return string(fields, name);
        }

        static Boolean bool(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            if (value == null || value instanceof Boolean) {
                return (Boolean) value;
            }
            throw wrongType(name, "true or false");
        }

        static Long wholeNumber(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            if (value == null) {
                return null;
            }
            if (value instanceof Integer || value instanceof Long) {
                return ((Number) value).longValue();
            }
            throw wrongType(name, "a whole number");
        }

        static List<String> stringList(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            if (value == null) {
                return List.of();
            }
            if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            throw wrongType(name, "a list of strings");
        }

        @SuppressWarnings("unchecked")
        static List<Map<String, Object>> objectList(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            if (value == null) {
                return null;
            }
            if (value instanceof List<?> list && list.stream().allMatch(Map.class::isInstance)) {
                return (List<Map<String, Object>>) value;
            }
            throw wrongType(name, "a list of objects");
        }

        private static ApiException wrongType(String name, String expected) {
            return new ApiException(ApiErrorCode.INVALID_PARAM, name + " must be " + expected + ".");
        }
    }
}
