package io.igpipe.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.igpipe.IgpipeProperties;
import io.igpipe.Sha256;
import org.springframework.stereotype.Component;

/**
 * The access token each account uses right now. In order: a token refreshed by igpipe from the configured
 * one (kept in {@code <data-dir>/tokens/}, readable by the owner only), the token file
 * ({@code access-token-file}, re-read when it changes, so a new token is picked up without a restart), the
 * configured {@code access-token}. A refreshed token is only used while the configuration still names the
 * token it came from: configuring another token always wins.
 */
@Component("accountTokens")
public class AccountTokens {

    private final IgpipeProperties properties;
    private final Path refreshedDir;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<Path, FileToken> tokenFiles = new ConcurrentHashMap<>();

    public AccountTokens(IgpipeProperties properties) {
        this.properties = properties;
        this.refreshedDir = properties.getDataDir().resolve("tokens");
    }

    public String tokenOf(String accountName) {
        IgpipeProperties.Account account = account(accountName);
        String configured = configuredTokenOf(account);
        String refreshed = refreshedTokenFor(account.getName(), configured);
        return refreshed != null ? refreshed : configured;
    }

    /** SHA-256 of the account's current token: lets the ledger notice a new token without storing any. */
    public String fingerprintOf(String accountName) {
        return Sha256.hex(tokenOf(accountName));
    }

    /** Whether igpipe refreshes this account's token itself (Instagram Login long-lived tokens). */
    public boolean refreshEnabled(String accountName) {
        return account(accountName).isTokenRefresh();
    }

    public List<String> accountsWithRefresh() {
        return properties.getAccounts().stream().filter(IgpipeProperties.Account::isTokenRefresh)
                .map(IgpipeProperties.Account::getName).toList();
    }

    /** Every token igpipe may send, for removing them from error bodies and messages. */
    public List<String> knownTokens() {
        List<String> tokens = new ArrayList<>();
        for (IgpipeProperties.Account account : properties.getAccounts()) {
            try {
                String configured = configuredTokenOf(account);
                tokens.add(configured);
                String refreshed = refreshedTokenFor(account.getName(), configured);
                if (refreshed != null) {
                    tokens.add(refreshed);
                }
            } catch (RuntimeException unreadable) {
                // an unreadable token file has no token to hide
            }
        }
        return tokens;
    }

    /** Keeps a token Graph returned from refresh_access_token; it replaces the configured one until that changes. */
    public void storeRefreshed(String accountName, String newToken, Long expiresInSeconds) {
        if (newToken == null || newToken.isBlank()) {
            throw new IllegalArgumentException("Graph returned no access_token");
        }
        IgpipeProperties.Account account = account(accountName);
        Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("source_sha256", Sha256.hex(configuredTokenOf(account)));
        record.put("access_token", newToken);
        record.put("refreshed_at", Instant.now().toString());
        record.put("expires_at", expiresInSeconds == null ? null : Instant.now().plusSeconds(expiresInSeconds).toString());
        try {
            Files.createDirectories(refreshedDir);
            Path target = refreshedFile(account.getName());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temp, json.writeValueAsString(record), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the refreshed token of account " + accountName, e);
        }
    }

    private String configuredTokenOf(IgpipeProperties.Account account) {
        if (account.getAccessTokenFile() != null) {
            return readTokenFile(account.getAccessTokenFile());
        }
        return account.getAccessToken();
    }

    private String readTokenFile(Path file) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            FileToken cached = tokenFiles.get(file);
            if (cached != null && cached.modified().equals(modified)) {
                return cached.token();
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty()) {
                throw new IllegalStateException("Token file " + file + " is empty");
            }
            tokenFiles.put(file, new FileToken(modified, token));
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read token file " + file, e);
        }
    }

    private String refreshedTokenFor(String accountName, String configured) {
        Path file = refreshedFile(accountName);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode record = json.readTree(file.toFile());
            if (!Sha256.hex(configured).equals(record.path("source_sha256").asText())) {
                return null;
            }
            String token = record.path("access_token").asText(null);
            return token == null || token.isBlank() ? null : token;
        } catch (IOException unreadable) {
            return null;
        }
    }

    private Path refreshedFile(String accountName) {
        return refreshedDir.resolve(accountName + ".json");
    }

    private IgpipeProperties.Account account(String accountName) {
        return properties.account(accountName)
                .orElseThrow(() -> new IllegalStateException("Account '" + accountName + "' is not configured"));
    }

    private record FileToken(FileTime modified, String token) {
    }
}
