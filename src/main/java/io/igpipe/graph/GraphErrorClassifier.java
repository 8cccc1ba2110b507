package io.igpipe.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Graph error to a category from its {@code code} and {@code error_subcode} (and
 * {@code is_transient}, and the 7-digit number inside a container's {@code status} text): never from the
 * HTTP status or the message. The table follows graph-api.md section 6.2.
 */
public final class GraphErrorClassifier {

    private static final Pattern SUBCODE_IN_STATUS = Pattern.compile("\\b(2\\d{6})\\b");

    private GraphErrorClassifier() {
    }

    public static GraphErrorCategory classify(Integer code, Integer subcode, Boolean isTransient) {
        if (code == null) {
            return Boolean.TRUE.equals(isTransient) ? GraphErrorCategory.TRANSIENT : GraphErrorCategory.UNKNOWN;
        }
        int sub = subcode == null ? 0 : subcode;
        switch (code) {
            case 4:
                return sub == 2207051 ? GraphErrorCategory.POLICY : GraphErrorCategory.RATE_LIMIT;
            case 17, 32, 613, 80002:
                return GraphErrorCategory.RATE_LIMIT;
            case 9:
                return sub == 2207042 ? GraphErrorCategory.PUBLISH_QUOTA : GraphErrorCategory.RATE_LIMIT;
            case 190, 10, 102, 104:
                return GraphErrorCategory.AUTH;
            case 9007:
                return GraphErrorCategory.NOT_READY;
            case 1:
                return sub == 2207057 ? GraphErrorCategory.INVALID : GraphErrorCategory.TRANSIENT;
            case 2:
                return GraphErrorCategory.TRANSIENT;
            case -1:
                return sub == 2207053 ? GraphErrorCategory.MEDIA : GraphErrorCategory.TRANSIENT;
            case -2:
                return sub == 2207020 ? GraphErrorCategory.NOT_READY : GraphErrorCategory.TRANSIENT;
            case 24:
                // 2207008: container missing/expired at publish (retry briefly, then rebuild);
                // 2207006: not found. Both are resolved by reading the container and rebuilding.
                return GraphErrorCategory.NOT_READY;
            case 25, 368:
                return GraphErrorCategory.POLICY;
            case 352, 36000, 36001, 36003, 9004:
                return GraphErrorCategory.MEDIA;
            case 36004:
                return GraphErrorCategory.INVALID;
            case 35001:
                return GraphErrorCategory.CAROUSEL;
            case 100:
                if (sub == 33) {
                    return GraphErrorCategory.TRANSIENT;
                }
                if (sub == 2207028 || sub == 2207024) {
                    return GraphErrorCategory.CAROUSEL;
                }
                return GraphErrorCategory.INVALID;
            default:
                break;
        }
        if (code >= 200 && code <= 299) {
            return GraphErrorCategory.AUTH;
        }
        GraphErrorCategory bySubcode = bySubcode(sub);
        if (bySubcode != null) {
            return bySubcode;
        }
        return Boolean.TRUE.equals(isTransient) ? GraphErrorCategory.TRANSIENT : GraphErrorCategory.UNKNOWN;
    }

    /**
     * A container whose status_code is ERROR: classified by the subcode in its status text, and MEDIA when
     * there is none (Meta processed the media and refused it).
     */
    public static GraphErrorCategory classifyContainerError(String statusText) {
        Integer subcode = subcodeInStatus(statusText);
        GraphErrorCategory bySubcode = subcode == null ? null : bySubcode(subcode);
        return bySubcode != null ? bySubcode : GraphErrorCategory.MEDIA;
    }

    private static GraphErrorCategory bySubcode(int subcode) {
        return switch (subcode) {
            case 2207024 -> GraphErrorCategory.CAROUSEL;
            case 2207026, 2207052, 2207004, 2207005, 2207009, 2207053, 2207077, 2207085 -> GraphErrorCategory.MEDIA;
            case 2207001, 2207003, 2207032, 2207076, 2207082 -> GraphErrorCategory.TRANSIENT;
            default -> null;
        };
    }

    /** The subcode inside a container status text such as "Error: Media upload has failed with error code 2207026". */
    public static Integer subcodeInStatus(String statusText) {
        if (statusText == null) {
            return null;
        }
        Matcher matcher = SUBCODE_IN_STATUS.matcher(statusText);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
