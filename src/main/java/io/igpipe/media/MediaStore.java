package io.igpipe.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.igpipe.IgpipeProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The folder of optimized media that Instagram fetches by URL ({@code image_url}). Files get
 * unguessable ASCII names, and the public URL is {@code igpipe.media.public-base-url}, or this
 * server's own {@code /media} path on loopback when unset (enough for the embedded sandbox).
 */
@Component("mediaStore")
public class MediaStore {

    public static final String URL_PATH = "/media/";

    private final SecureRandom random = new SecureRandom();
    private final Path directory;
    private final String configuredBaseUrl;
    private volatile int serverPort = -1;

    public MediaStore(IgpipeProperties properties) {
        IgpipeProperties.Media media = properties.getMedia();
        this.directory = (media.getStoreDir() != null ? media.getStoreDir() : properties.getDataDir().resolve("media"))
                .toAbsolutePath().normalize();
        this.configuredBaseUrl = media.getPublicBaseUrl();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create media store " + directory, e);
        }
    }

    @EventListener
    public void onWebServerStarted(WebServerInitializedEvent event) {
        serverPort = event.getWebServer().getPort();
    }

    public Path directory() {
        return directory;
    }

    public Path newJpegFor(String postId) {
        return newFileFor(postId, ".jpg");
    }

    /** A fresh, unguessable name in the store; {@code extension} with its dot (".mp4"). */
    public Path newFileFor(String postId, String extension) {
        byte[] suffix = new byte[8];
        random.nextBytes(suffix);
        return directory.resolve(postId + "-" + HexFormat.of().formatHex(suffix) + extension);
    }

    public String publicUrlOf(String storedPath) {
        return baseUrl() + "/" + Path.of(storedPath).getFileName();
    }

    public String baseUrl() {
        if (configuredBaseUrl != null && !configuredBaseUrl.isBlank()) {
            return configuredBaseUrl.endsWith("/")
                    ? configuredBaseUrl.substring(0, configuredBaseUrl.length() - 1) : configuredBaseUrl;
        }
        if (serverPort < 0) {
            throw new IllegalStateException("The web server has not started yet; set igpipe.media.public-base-url");
        }
        return "http://127.0.0.1:" + serverPort + URL_PATH.substring(0, URL_PATH.length() - 1);
    }

    /** Removes a stored file once Instagram no longer needs it; only files inside the store. */
    public void discard(String storedPath) {
        if (storedPath == null) {
            return;
        }
        Path path = Path.of(storedPath).toAbsolutePath().normalize();
        if (!path.startsWith(directory)) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
