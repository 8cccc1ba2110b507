package io.igpipe.graph.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fields} parameter: top-level names, each possibly expanded with braces, as in
 * {@code id,caption,children{id,media_url}}.
 */
record FieldSelection(List<Field> fields) {

    record Field(String name, FieldSelection nested) {
    }

    static final FieldSelection NONE = new FieldSelection(List.of());

    static FieldSelection parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return NONE;
        }
        List<Field> fields = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            char c = i < raw.length() ? raw.charAt(i) : ',';
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                addField(fields, raw.substring(start, i));
                start = i + 1;
            }
        }
        return new FieldSelection(List.copyOf(fields));
    }

    private static void addField(List<Field> fields, String part) {
        String trimmed = part.trim();
        if (trimmed.isEmpty()) {
            return;
        }
        int brace = trimmed.indexOf('{');
        if (brace < 0) {
            fields.add(new Field(trimmed, NONE));
        } else {
            String inner = trimmed.endsWith("}") ? trimmed.substring(brace + 1, trimmed.length() - 1)
                    : trimmed.substring(brace + 1);
            fields.add(new Field(trimmed.substring(0, brace).trim(), parse(inner)));
        }
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    boolean has(String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name));
    }
}
