package io.igpipe.graph.sandbox;

/**
 * Fetches a JPEG the way Instagram fetches {@code image_url} and a reel's {@code cover_url}, and judges it: a
 * page instead of an image is 9004/2207052, another format 36001/2207005, more than the size cap 36000/2207004, a
 * slow origin -2/2207003.
 */
final class JpegFetch {

    private final MediaFetcher fetcher;
    private final long maxBytes;

    JpegFetch(MediaFetcher fetcher, long maxBytes) {
        this.fetcher = fetcher;
        this.maxBytes = maxBytes;
    }

    ImageFacts fetch(String url) {
        MediaFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(url, maxBytes);
        } catch (MediaFetcher.FetchFailed e) {
            throw switch (e.problem()) {
                case UNREACHABLE -> GraphError.mediaFetchFailed(url).raise();
                case TIMED_OUT -> GraphError.mediaFetchTimedOut().raise();
                case TOO_LARGE -> GraphError.imageTooLarge().raise();
            };
        }
        switch (FetchedBodyKind.of(fetched.bytes(), fetched.contentType())) {
            case TEXT -> throw GraphError.notPhotoOrVideo().raise();
            case OTHER_IMAGE, UNKNOWN_BINARY -> throw GraphError.imageFormatNotSupported().raise();
            default -> {
                // a JPEG: inspected below
            }
        }
        return JpegInspector.inspect(fetched.bytes(), fetched.contentType());
    }
}
