package io.igpipe.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Fetches the {@code media_urls} of a JSON submission into the request's staging folder, within bounds: http and
 * https only, at most {@code max-redirects} hops (each one checked again), connect and read timeouts plus a total
 * time per file, a size limit per file and per request, and no loopback, private, link-local or unique-local
 * address unless {@code allow-private-addresses} is set (the server would otherwise fetch from inside its own
 * network for anyone holding a key). The address is checked before connecting; a DNS answer that changes between
 * the check and the connection is not caught, so keep the server's egress firewalled as well.
 * <p>
 * A URL the API will not fetch is INVALID_PARAM; a fetch that fails is MEDIA_INVALID. Messages name the URL
 * without its query string or user info, which may carry a signature or a password.
 */
@Component
public class ApiMediaDownloader {

    private static final int BUFFER_BYTES = 64 * 1024;

    private final ApiSettings.Downloads settings;

    public ApiMediaDownloader(ApiSettings settings) {
        this.settings = settings.getDownloads();
    }

    /** The bytes one request may still download across all its files. */
    public final class Budget {
        private long remaining = settings.getMaxTotalBytes();
    }

    public Budget newBudget() {
        return new Budget();
    }

    /**
     * Downloads {@code url} to {@code target}.
     *
     * @return the name the file had at its source (the URL path's last segment), for the post's records
     */
    public String download(String url, Path target, Budget budget) throws IOException {
        URI uri = parse(url);
        String shown = redacted(uri);
        for (int hop = 0; hop <= settings.getMaxRedirects(); hop++) {
            requireAllowedAddress(uri, shown);
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            try {
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout((int) settings.getConnectTimeout().toMillis());
                connection.setReadTimeout((int) settings.getReadTimeout().toMillis());
                connection.setRequestProperty("User-Agent", "igpipe");
                int status = connectedStatus(connection, shown);
                String location = connection.getHeaderField("Location");
                if (status >= 300 && status < 400 && location != null) {
                    uri = parse(uri.resolve(location.strip()).toString());
                    continue;
                }
                if (status != HttpURLConnection.HTTP_OK) {
                    throw mediaInvalid(shown + " answered HTTP " + status + "; expected 200 with the file.", shown);
                }
                copyBounded(connection, target, budget, shown);
                return sourceName(uri);
            } finally {
                connection.disconnect();
            }
        }
        throw mediaInvalid(shown + " redirects more than " + settings.getMaxRedirects() + " times.", shown);
    }

    private int connectedStatus(HttpURLConnection connection, String shown) {
        try {
            return connection.getResponseCode();
        } catch (SocketTimeoutException e) {
            throw mediaInvalid(shown + " did not answer within " + settings.getReadTimeout().toSeconds() + " s.", shown);
        } catch (IOException e) {
            throw mediaInvalid(shown + " could not be fetched: " + e.getClass().getSimpleName() + ".", shown);
        }
    }

    private void copyBounded(HttpURLConnection connection, Path target, Budget budget, String shown) throws IOException {
        long limit = Math.min(settings.getMaxFileBytes(), budget.remaining);
        long announced = connection.getContentLengthLong();
        if (announced > limit) {
            throw tooLarge(shown, announced, limit);
        }
        long deadline = System.nanoTime() + settings.getTotalTimeout().toNanos();
        long copied = 0;
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                copied += read;
                if (copied > limit) {
                    throw tooLarge(shown, copied, limit);
                }
                if (System.nanoTime() > deadline) {
                    throw mediaInvalid(shown + " took longer than " + settings.getTotalTimeout().toSeconds()
                            + " s to download.", shown);
                }
                out.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw mediaInvalid(shown + " stalled for more than " + settings.getReadTimeout().toSeconds()
                    + " s while downloading.", shown);
        }
        budget.remaining -= copied;
    }

    private void requireAllowedAddress(URI uri, String shown) {
        if (settings.isAllowPrivateAddresses()) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw mediaInvalid("The host of " + shown + " is not known.", shown);
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new ApiException(ApiErrorCode.INVALID_PARAM, shown + " points to a loopback, private or "
                        + "link-local address; media_urls must be public.", Map.of("url", shown), null);
            }
        }
    }

    static boolean isInternal(InetAddress address) {
        byte[] raw = address.getAddress();
        boolean uniqueLocalV6 = raw.length == 16 && (raw[0] & 0xFE) == 0xFC;
        boolean sharedV4 = address instanceof Inet4Address && (raw[0] & 0xFF) == 100 && (raw[1] & 0xC0) == 64;
        boolean thisNetworkV4 = address instanceof Inet4Address && raw[0] == 0;
        return address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress() || uniqueLocalV6 || sharedV4
                || thisNetworkV4;
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new ApiException(ApiErrorCode.INVALID_PARAM, "media_urls holds a value that is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
            throw new ApiException(ApiErrorCode.INVALID_PARAM, "media_urls must be absolute http or https URLs; "
                    + "got " + (uri.getScheme() == null ? "a relative URL" : "a " + uri.getScheme() + ": URL") + ".");
        }
        return uri;
    }

    /** The URL as messages show it: no user info, query or fragment, which may hold credentials. */
    static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String sourceName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "download" : last;
    }

    private ApiException tooLarge(String shown, long bytes, long limit) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", shown);
        details.put("limitBytes", limit);
        return new ApiException(ApiErrorCode.MEDIA_INVALID, shown + " is larger than the " + limit + " bytes allowed "
                + "(igpipe.api.downloads.max-file-bytes / max-total-bytes); at least " + bytes + " bytes.", details, null);
    }

    private static ApiException mediaInvalid(String message, String shown) {
        return new ApiException(ApiErrorCode.MEDIA_INVALID, message, Map.of("url", shown), null);
    }
}
