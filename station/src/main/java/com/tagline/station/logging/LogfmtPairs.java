package com.tagline.station.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a message written in the station's house style, {@code event=chip tag=t1 detail="two words"}
 * (architecture §8), into its key/value pairs, so the JSON log format can carry them as fields. A
 * quoted value ends at a quote followed by the next {@code key=} or the end of the message, so a detail
 * that quotes something itself still reads as one value.
 */
final class LogfmtPairs {
    private LogfmtPairs() {
    }

    /**
     * The pairs in order, or empty when the message does not start with a {@code key=value} pair. Words
     * without {@code =} after an unquoted value are part of that value.
     */
    static Optional<Map<String, String>> parse(String message) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = 0;
        int n = message.length();
        while (i < n) {
            while (i < n && message.charAt(i) == ' ') {
                i++;
            }
            if (i == n) {
                break;
            }
            int eq = i;
            while (eq < n && isKeyChar(message.charAt(eq))) {
                eq++;
            }
            if (eq == i || eq == n || message.charAt(eq) != '=') {
                if (out.isEmpty()) {
                    return Optional.empty();
                }
                // A word after an unquoted value ("action=interrupted (chip not at the antenna)") belongs to it.
                int end = message.indexOf(' ', i);
                end = end < 0 ? n : end;
                String lastKey = last(out);
                out.put(lastKey, out.get(lastKey) + " " + message.substring(i, end));
                i = end;
                continue;
            }
            String key = message.substring(i, eq);
            int start = eq + 1;
            int end;
            String value;
            if (start < n && message.charAt(start) == '"') {
                end = closingQuote(message, start + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                value = message.substring(start + 1, end).replace("\\\"", "\"");
                end++;
            } else {
                end = message.indexOf(' ', start);
                end = end < 0 ? n : end;
                value = message.substring(start, end);
            }
            if (out.containsKey(key)) {
                key = key + "_" + out.size(); // a repeated key keeps both values
            }
            out.put(key, value);
            i = end;
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private static String last(Map<String, String> m) {
        String k = null;
        for (String key : m.keySet()) {
            k = key;
        }
        return k;
    }

    private static int closingQuote(String s, int from) {
        for (int j = from; j < s.length(); j++) {
            if (s.charAt(j) == '"' && s.charAt(j - 1) != '\\'
                    && (j + 1 == s.length() || s.charAt(j + 1) == ' ' && pairStartsAt(s, j + 2))) {
                return j;
            }
        }
        return -1;
    }

    /** Whether a {@code key=} starts at {@code i} (after spaces). */
    private static boolean pairStartsAt(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int k = i;
        while (k < s.length() && isKeyChar(s.charAt(k))) {
            k++;
        }
        return k > i && k < s.length() && s.charAt(k) == '=';
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }

    /** {@code value} as a logfmt value: bare when it needs no quotes, else quoted with {@code "} and {@code \} escaped. */
    static String quote(String value) {
        boolean bare = !value.isEmpty() && value.chars().noneMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20);
        if (bare) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? ' ' : c);
            }
        }
        return sb.append('"').toString();
    }
}
