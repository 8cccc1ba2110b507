package io.igpipe.graph.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code POST /ig-api-upload/{vNN.0}/{container-id}}, the rupload endpoint of a container created with
 * {@code upload_type=resumable} (graph-api.md §4). It takes {@code Authorization: OAuth <token>} only, and either
 * the raw bytes with the headers {@code offset} and {@code file_size}, or a {@code file_url} header and no body
 * (the sandbox then fetches that URL, as Meta does).
 *
 * <p>Resuming: a POST whose {@code offset} equals the bytes received so far appends to them; any other offset is
 * refused and says where to resume (Meta documents no way to ask, so the message is the sandbox's). When all
 * {@code file_size} bytes are in, processing starts and the container reports its verdict through its status.
 * Bytes are held in memory until then; a file larger than the container type's limit is counted, not kept, and
 * ends the container in ERROR 2207085 as Instagram's processing would.
 */
final class ResumableUploads {

    private final SandboxState state;
    private final VideoProcessing videos;
    private final SandboxSettings settings;
    private final Clock clock;
    private final Map<String, Upload> uploads = new HashMap<>();

    /** The bytes received so far for one container. */
    private static final class Upload {
        final long fileSize;
        final boolean kept;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long received;

        Upload(long fileSize, boolean kept) {
            this.fileSize = fileSize;
            this.kept = kept;
        }
    }

    ResumableUploads(SandboxState state, VideoProcessing videos, SandboxSettings settings) {
        this.state = state;
        this.videos = videos;
        this.settings = settings;
        this.clock = settings.clock();
    }

    ObjectNode receive(GraphRequest request, Caller caller) {
        String containerId = request.uploadContainerId();
        ContainerRecord container = state.container(containerId)
                .filter(c -> c.ownerId().equals(caller.igUserId()))
                .orElseThrow(() -> GraphError.unsupportedRequest("POST", containerId).raise());
        if (container.video() == null || !container.video().resumable()) {
            throw GraphError.uploadRefused("The container " + containerId + " was not created with "
                    + "upload_type=resumable").raise();
        }
        if (!container.awaitingUpload()) {
            throw GraphError.uploadRefused("The video of container " + containerId + " was already uploaded")
                    .raise();
        }
        String fileUrl = request.header("file_url");
        if (fileUrl != null && !fileUrl.isBlank()) {
            fromUrl(container, fileUrl.trim(), request.uploadBody().length);
        } else {
            append(container, request);
        }
        ObjectNode body = SandboxJson.MAPPER.createObjectNode();
        body.put("success", true);
        body.put("message", "Upload successful.");
        return body;
    }

    private void fromUrl(ContainerRecord container, String fileUrl, int bodyLength) {
        if (bodyLength > 0) {
            throw GraphError.uploadRefused("Send either a file_url header or the bytes, not both").raise();
        }
        if (!MediaFetcher.fetchable(fileUrl)) {
            throw GraphError.mediaFetchFailed(fileUrl).raise();
        }
        synchronized (uploads) {
            uploads.remove(container.id());
        }
        state.videoArrived(container.id(), fileUrl, clock.instant());
        videos.judgeFetched(container.id());
    }

    private void append(ContainerRecord container, GraphRequest request) {
        long fileSize = headerNumber(request, "file_size", null);
        long offset = headerNumber(request, "offset", 0L);
        byte[] chunk = request.uploadBody();
        long maxBytes = settings.videoLimits(container.type()).maxBytes();
        Upload finished;
        synchronized (uploads) {
            Upload upload = uploads.computeIfAbsent(container.id(), id -> new Upload(fileSize, fileSize <= maxBytes));
            if (upload.fileSize != fileSize) {
                throw GraphError.uploadRefused("file_size changed from " + upload.fileSize + " to " + fileSize)
                        .raise();
            }
            if (offset != upload.received) {
                throw GraphError.uploadRefused("Wrong offset " + offset + ": " + upload.received
                        + " bytes were received so far, resume from there").raise();
            }
            if (offset + chunk.length > fileSize) {
                throw GraphError.uploadRefused("The body runs past file_size " + fileSize).raise();
            }
            if (upload.kept) {
                upload.bytes.writeBytes(chunk);
            }
            upload.received += chunk.length;
            if (upload.received < fileSize) {
                return;
            }
            uploads.remove(container.id());
            finished = upload;
        }
        state.videoArrived(container.id(), null, clock.instant());
        if (finished.kept) {
            videos.judgeUploaded(container.id(), finished.bytes.toByteArray());
        } else {
            videos.reject(container.id(), VideoRejection.processing("the file is " + fileSize
                    + " bytes; the limit is " + maxBytes));
        }
    }

    private static long headerNumber(GraphRequest request, String name, Long fallback) {
        String value = request.header(name);
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw GraphError.uploadRefused("The header " + name + " is required").raise();
            }
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < 0) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw GraphError.uploadRefused("The header " + name + " must be a whole number of bytes").raise();
        }
    }

    /** Forgets partial uploads, as a reset forgets their containers. */
    void clear() {
        synchronized (uploads) {
            uploads.clear();
        }
    }
}
