package io.igpipe.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.igpipe.Sha256;
import io.igpipe.ledger.Post;
import org.springframework.stereotype.Component;

/**
 * The {@code Idempotency-Key} of POST /posts: per API key, one key makes at most one post. The ledger enforces it
 * (unique index on api_key_id, idempotency_key); this class recognises a repeat. A repeat with the same request
 * (same fingerprint: the fields, in any order, and the files' content) is answered with the original post; the
 * same key with a different request is refused with IDEMPOTENCY_KEY_REUSED, since answering it with a post it did
 * not ask for would hide the client's bug.
 */
@Component
public class ApiIdempotency {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private final PostSubmissions submissions;
    private final ObjectMapper canonicalJson = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    public ApiIdempotency(PostSubmissions submissions) {
        this.submissions = submissions;
    }

    /** The header's value, checked, or null when the client sent none. */
    public static String keyOf(String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > MAX_KEY_LENGTH || !VISIBLE_ASCII.matcher(header).matches()) {
            throw new ApiException(ApiErrorCode.INVALID_PARAM, HEADER + " must be 1 to " + MAX_KEY_LENGTH
                    + " visible ASCII characters (a UUID is a good choice).");
        }
        return header;
    }

    /** Fingerprints accumulate the request's parts in order; the digest is stored with the post. */
    public final class Fingerprint {
        private final MessageDigest digest = Sha256.newDigest();

        public Fingerprint fields(Map<String, Object> fields) {
            try {
                digest.update(canonicalJson.writeValueAsBytes(fields));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        /** A file part: its role ("file", "cover") and the SHA-256 of its content. */
        public Fingerprint file(String role, String contentSha256) {
            digest.update(("\n" + role + ":" + contentSha256).getBytes(StandardCharsets.UTF_8));
            return this;
        }

        public String hex() {
            return Sha256.hex(digest);
        }
    }

    public Fingerprint newFingerprint() {
        return new Fingerprint();
    }

    /**
     * The post this key already made: present when the request is a repeat, empty when the key is new.
     *
     * @throws ApiException IDEMPOTENCY_KEY_REUSED when the key made a post from a different request
     */
    public Optional<Post> earlierPost(String apiKeyId, String idempotencyKey, String fingerprint) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        Optional<Post> earlier = submissions.findByIdempotencyKey(apiKeyId, idempotencyKey);
        earlier.ifPresent(post -> {
            if (!fingerprint.equals(post.getRequestFingerprint())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("postId", post.getId());
                throw new ApiException(ApiErrorCode.IDEMPOTENCY_KEY_REUSED, "This " + HEADER + " was used for post "
                        + post.getId() + " with a different request; use a new key for a new post.", details, null);
            }
        });
        return earlier;
    }

}
