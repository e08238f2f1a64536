package io.ormrace.report;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** A small JSON writer: enough for reports, with no library the agent would have to carry. */
final class Json {

    private final StringBuilder out = new StringBuilder();
    private int indent;

    static String write(Object value) {
        Json json = new Json();
        json.value(value);
        return json.out.append('\n').toString();
    }

    private void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            object(map);
        } else if (value instanceof Collection<?> list) {
            array(list);
        } else {
            string(value.toString());
        }
    }

    private void object(Map<?, ?> map) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        indent++;
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<?, ?> entry = entries.next();
            newline();
            string(entry.getKey().toString());
            out.append(": ");
            value(entry.getValue());
            if (entries.hasNext()) {
                out.append(',');
            }
        }
        indent--;
        newline();
        out.append('}');
    }

    private void array(Collection<?> list) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        indent++;
        Iterator<?> items = list.iterator();
        while (items.hasNext()) {
            newline();
            value(items.next());
            if (items.hasNext()) {
                out.append(',');
            }
        }
        indent--;
        newline();
        out.append(']');
    }

    private void newline() {
        out.append('\n').append("  ".repeat(indent));
    }

    private void string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
