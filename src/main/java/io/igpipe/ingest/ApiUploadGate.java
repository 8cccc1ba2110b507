package io.igpipe.ingest;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the API key of an upload to {@code /api/v1/posts} before Spring reads its body: without this a caller
 * with no key could make the server receive and spool up to {@code max-request-size} before the route's own check
 * refused it. The route still admits the request as usual (key and request budget); this only closes the door
 * earlier, with the same 401 envelope.
 */
@Component
public class ApiUploadGate extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiUploadGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiKeys keys;

    public ApiUploadGate(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/v1/posts")
                || contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            keys.authenticate(request.getHeader("Authorization"));
        } catch (ApiException refused) {
            String requestId = UUID.randomUUID().toString();
            LOG.info("API request {} refused before its upload was read: {}", requestId, refused.getMessage());
            response.setStatus(refused.getStatus());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("X-Request-Id", requestId);
            ApiException.replyHeadersOf(refused).forEach(response::setHeader);
            // the client may still be sending: tell it the connection ends here rather than read the rest
            response.setHeader("Connection", "close");
            JSON.writeValue(response.getOutputStream(), ApiException.envelope(refused, requestId));
            return;
        }
        chain.doFilter(request, response);
    }
}
