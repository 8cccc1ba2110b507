package io.igpipe.ingest;

import io.igpipe.Sha256;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.igpipe.ledger.SqlFiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The API keys of {@code /api/v1}: created, listed and revoked by {@link ApiKeyCommand}, checked on every request.
 * <p>
 * A key is {@code igp_<display id>_<secret>}: 256 random bits behind a display id that only tells keys apart. Only
 * the key's SHA-256 is stored (a slow password hash buys nothing for a random 256-bit value). A presented key is
 * found by its digest, so keys of any shape (a configured bootstrap key) work the same way, and the digests are
 * compared in constant time. An unknown, revoked or malformed key gets one and the same refusal: a client learns
 * nothing about which keys exist.
 */
@Component("apiKeys")
public class ApiKeys {

    public static final String ORIGIN_COMMAND = "COMMAND";
    public static final String ORIGIN_BOOTSTRAP = "BOOTSTRAP";
    private static final String KEY_PREFIX = "igp_";
    private static final int SECRET_BYTES = 32;
    private static final int DISPLAY_ID_LENGTH = 8;
    private static final String DISPLAY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final String BEARER = "bearer ";

    /** A key as the API knows the caller: never the key itself. */
    public record ApiKeyIdentity(String id, String displayId, String name) {
    }

    /** A key just created: {@code key} is shown once and then exists nowhere but with its owner. */
    public record CreatedKey(String id, String displayId, String name, String key) {
        @Override
        public String toString() {
            return "CreatedKey[" + displayId + ", " + name + "]";
        }
    }

    /** One row of {@code api-key list}. */
    public record ListedKey(String id, String displayId, String name, String origin, OffsetDateTime createdAt,
            OffsetDateTime revokedAt) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeys(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CreatedKey create(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("A key needs a name of 1 to 100 characters (who or what uses it)");
        }
        String displayId = KEY_PREFIX + randomDisplayPart();
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String key = displayId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        insert(id, displayId, name.strip(), key, ORIGIN_COMMAND);
        return new CreatedKey(id, displayId, name.strip(), key);
    }

    /**
     * Records a key given in configuration, once: a restart (or a second instance) finds its digest and adds
     * nothing. A bootstrap key that was revoked stays revoked; the caller is told so.
     *
     * @return false when the key is known but revoked
     */
    public boolean registerBootstrapKey(String key) {
        String digest = Sha256.hex(key);
        List<StoredKey> known = findByDigest(digest);
        if (!known.isEmpty()) {
            return known.get(0).key().revokedAt() == null;
        }
        try {
            insert(UUID.randomUUID().toString(), "boot_" + digest.substring(0, DISPLAY_ID_LENGTH), "bootstrap", key,
                    ORIGIN_BOOTSTRAP);
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            // recorded by another instance sharing the ledger: exactly what was wanted
        }
        return true;
    }

    public List<ListedKey> list() {
        return jdbc.query(SqlFiles.load("api/list-api-keys.sql"), (row, n) -> listedKey(row));
    }

    /** @return false when no active key has this display id or id */
    public boolean revoke(String displayIdOrId) {
        return jdbc.update(SqlFiles.load("api/revoke-api-key.sql"),
                new MapSqlParameterSource("key", displayIdOrId).addValue("now", OffsetDateTime.now(clock))) > 0;
    }

    /** The caller behind an {@code Authorization} header, or a 401 refusal that names nothing about the key. */
    public ApiKeyIdentity authenticate(String authorization) {
        boolean bearer = authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
        if (!bearer) {
            throw new ApiException(ApiErrorCode.AUTH_REQUIRED,
                    "This endpoint needs an API key: send the header Authorization: Bearer <key>");
        }
        String digest = Sha256.hex(authorization.substring(BEARER.length()).strip());
        List<StoredKey> found = findByDigest(digest);
        // compared once more in constant time: the look-up matched on the digest, this makes the decision
        boolean valid = found.size() == 1 && found.get(0).key().revokedAt() == null
                && MessageDigest.isEqual(digest.getBytes(StandardCharsets.US_ASCII),
                        found.get(0).keySha256().getBytes(StandardCharsets.US_ASCII));
        if (!valid) {
            throw invalidKey();
        }
        ListedKey key = found.get(0).key();
        return new ApiKeyIdentity(key.id(), key.displayId(), key.name());
    }

    private static ApiException invalidKey() {
        return new ApiException(ApiErrorCode.AUTH_INVALID_KEY, "The API key is not valid");
    }

    private void insert(String id, String displayId, String name, String key, String origin) {
        jdbc.update(SqlFiles.load("api/insert-api-key.sql"), new MapSqlParameterSource()
                .addValue("id", id).addValue("displayId", displayId).addValue("name", name)
                .addValue("keySha256", Sha256.hex(key)).addValue("origin", origin)
                .addValue("now", OffsetDateTime.now(clock)));
    }

    private List<StoredKey> findByDigest(String digest) {
        return jdbc.query(SqlFiles.load("api/find-api-key-by-hash.sql"), new MapSqlParameterSource("keySha256", digest),
                (row, n) -> new StoredKey(listedKey(row), row.getString("key_sha256")));
    }

    private static ListedKey listedKey(ResultSet row) throws SQLException {
        return new ListedKey(row.getString("id"), row.getString("display_id"), row.getString("name"),
                row.getString("origin"), row.getObject("created_at", OffsetDateTime.class),
                row.getObject("revoked_at", OffsetDateTime.class));
    }

    /** A row with the digest it was found by; kept apart from {@link ListedKey} so no listing ever carries it. */
    private record StoredKey(ListedKey key, String keySha256) {
    }

    private String randomDisplayPart() {
        StringBuilder part = new StringBuilder(DISPLAY_ID_LENGTH);
        for (int i = 0; i < DISPLAY_ID_LENGTH; i++) {
            part.append(DISPLAY_ALPHABET.charAt(random.nextInt(DISPLAY_ALPHABET.length())));
        }
        return part.toString();
    }

}
