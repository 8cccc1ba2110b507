package io.igpipe.graph;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Graph error to a category from its {@code code} and {@code error_subcode} (and {@code is_transient},
 * and the 7-digit number inside a container's {@code status} text): never from the HTTP status or the message,
 * which Meta does not keep stable. The table itself is {@link GraphErrorRule}.
 */
public final class GraphErrorClassifier {

    private static final Pattern SUBCODE_IN_STATUS = Pattern.compile("\\b(2\\d{6})\\b");

    private static final List<GraphErrorRule> RULES = List.of(GraphErrorRule.values());

    private GraphErrorClassifier() {
    }

    /**
     * The category of an error envelope: the matching {@link GraphErrorRule}'s, else TRANSIENT when Meta marked
     * the error transient, else UNKNOWN. A matching row wins over {@code is_transient}, so that for example
     * 4/2207051 (suspected spam) is never retried however Meta flags it.
     */
    public static GraphErrorCategory classify(Integer code, Integer subcode, Boolean isTransient) {
        return ruleFor(code, subcode)
                .map(GraphErrorRule::category)
                .orElse(Boolean.TRUE.equals(isTransient) ? GraphErrorCategory.TRANSIENT : GraphErrorCategory.UNKNOWN);
    }

    /**
     * The table row for a code and subcode: the exact (code, subcode) row, else the code's row with no subcode,
     * else a row keyed on the subcode alone. The code's own row comes before the subcode-only rows because a
     * code such as 100 or 190 decides the answer whatever subcode Meta adds.
     */
    public static Optional<GraphErrorRule> ruleFor(Integer code, Integer subcode) {
        return codeRule(code, subcode)
                .or(() -> codeRule(code, null))
                .or(() -> subcodeOnlyRule(subcode));
    }

    /**
     * A container whose status_code is ERROR: classified by the subcode in its status text, and MEDIA when
     * there is none (Meta processed the media and refused it).
     */
    public static GraphErrorCategory classifyContainerError(String statusText) {
        return subcodeOnlyRule(subcodeInStatus(statusText))
                .map(GraphErrorRule::category)
                .orElse(GraphErrorCategory.MEDIA);
    }

    /** The subcode inside a container status text such as "Error: Media upload has failed with error code 2207026". */
    public static Integer subcodeInStatus(String statusText) {
        if (statusText == null) {
            return null;
        }
        Matcher matcher = SUBCODE_IN_STATUS.matcher(statusText);
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }

    private static Optional<GraphErrorRule> codeRule(Integer code, Integer subcode) {
        if (code == null) {
            return Optional.empty();
        }
        return RULES.stream()
                .filter(rule -> rule.hasCode(code) && Objects.equals(rule.subcode(), subcode))
                .findFirst();
    }

    private static Optional<GraphErrorRule> subcodeOnlyRule(Integer subcode) {
        if (subcode == null) {
            return Optional.empty();
        }
        return RULES.stream()
                .filter(rule -> rule.anyCode() && subcode.equals(rule.subcode()))
                .findFirst();
    }
}
