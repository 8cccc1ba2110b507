package io.igpipe.ingest;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} or {@code max-request-size} is refused by Spring
 * while it reads the request, before any route runs; this answers it with the API's envelope
 * (413 PAYLOAD_TOO_LARGE) instead of Spring's default error page.
 */
@RestControllerAdvice
public class ApiPayloadLimits {

    private static final Logger LOG = LoggerFactory.getLogger(ApiPayloadLimits.class);

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<Map<String, Object>> uploadTooLarge(MaxUploadSizeExceededException tooLarge) {
        String requestId = UUID.randomUUID().toString();
        ApiException refusal = new ApiException(ApiErrorCode.PAYLOAD_TOO_LARGE, "The upload is larger than this "
                + "server accepts (spring.servlet.multipart.max-file-size per file, max-request-size in all).");
        LOG.info("API request {} refused: {}", requestId, tooLarge.getMessage());
        return ResponseEntity.status(refusal.getStatus())
                .contentType(MediaType.APPLICATION_JSON)
                .header("X-Request-Id", requestId)
                .body(ApiException.envelope(refusal, requestId));
    }
}
