package io.igpipe.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * User tags as Instagram takes them: a JSON array of {username, x, y}, x and y from 0.0 to 1.0 measured from the
 * top-left corner, usernames without "@". Sidecars and API requests both arrive as parsed lists of maps.
 */
public final class UserTags {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UserTags() {
    }

    /**
     * The Graph-ready JSON of a parsed {@code user_tags} value, or null when absent or empty.
     *
     * @param where  what the tags belong to, for the message ("sunset.yaml", "items[2]")
     * @param code   the rejection code the caller reports (SIDECAR_INVALID for a sidecar, INVALID_TAGS for the API)
     */
    public static String toGraphJson(Object value, String where, String code) throws PostRejectedException {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw new PostRejectedException(code, where + ": user_tags must be a list of {username, x, y}.");
        }
        if (list.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> tags = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> tag) || !(tag.get("username") instanceof String username) || username.isBlank()) {
                throw new PostRejectedException(code, where + ": every user tag needs a username, x and y.");
            }
            if (username.startsWith("@")) {
                throw new PostRejectedException(code, where + ": write the user tag '" + username
                        + "' without the leading @.");
            }
            Map<String, Object> normalised = new LinkedHashMap<>();
            normalised.put("username", username);
            normalised.put("x", coordinate(where, tag.get("x"), username, code));
            normalised.put("y", coordinate(where, tag.get("y"), username, code));
            tags.add(normalised);
        }
        try {
            return JSON.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double coordinate(String where, Object value, String username, String code)
            throws PostRejectedException {
        if (value instanceof Number number && number.doubleValue() >= 0.0 && number.doubleValue() <= 1.0) {
            return number.doubleValue();
        }
        throw new PostRejectedException(code, where + ": the user tag for " + username
                + " needs x and y between 0.0 and 1.0 (measured from the top-left corner).");
    }
}
