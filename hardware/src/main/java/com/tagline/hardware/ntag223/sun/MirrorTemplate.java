package com.tagline.hardware.ntag223.sun;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the SUN message goes in a tag URL. The parameter template is a query fragment with the
 * placeholder {@value #PLACEHOLDER}, e.g. {@code sun={sun}} (the default) or {@code uid={sun}} (the
 * Proxmark3 {@code --format} layout, ntag223.md §6.4). A URL that already contains the placeholder —
 * in its query or its path — is used as it is. The chip mirrors one message (UID, counter, [tamper],
 * MAC together, §6.1), so there is exactly one placeholder.
 *
 * @param parameters the query fragment appended to URLs without a placeholder
 */
public record MirrorTemplate(String parameters) {
    public static final String PLACEHOLDER = "{sun}";
    public static final String DEFAULT_PARAMETERS = "sun={sun}";
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{[^}]*}");

    public MirrorTemplate {
        Objects.requireNonNull(parameters);
        checkPlaceholders(parameters, "SUN parameter template");
    }

    public static MirrorTemplate defaults() {
        return new MirrorTemplate(DEFAULT_PARAMETERS);
    }

    /** The full URL with exactly one placeholder: the URL itself when it has one, else URL + '?'/'&' + template. */
    public String applyTo(String url) {
        if (url.contains(PLACEHOLDER)) {
            checkPlaceholders(url, "tag URL");
            return url;
        }
        if (ANY_PLACEHOLDER.matcher(url).find()) {
            throw new IllegalArgumentException("tag URL has an unknown placeholder (known: " + PLACEHOLDER + "): "
                    + url);
        }
        return url + (url.contains("?") ? "&" : "?") + parameters;
    }

    /** The query parameter whose value is the placeholder in {@code urlWithPlaceholder}, or null. */
    static String parameterName(String urlWithPlaceholder) {
        int at = urlWithPlaceholder.indexOf(PLACEHOLDER);
        int q = urlWithPlaceholder.indexOf('?');
        if (q < 0 || at < q || at == 0 || urlWithPlaceholder.charAt(at - 1) != '=') {
            return null;
        }
        int start = Math.max(urlWithPlaceholder.lastIndexOf('&', at), q) + 1;
        String name = urlWithPlaceholder.substring(start, at - 1);
        return name.isEmpty() ? null : name;
    }

    private static void checkPlaceholders(String text, String what) {
        Matcher m = ANY_PLACEHOLDER.matcher(text);
        int count = 0;
        while (m.find()) {
            if (!m.group().equals(PLACEHOLDER)) {
                throw new IllegalArgumentException("unknown placeholder " + m.group() + " in " + what + " (known: "
                        + PLACEHOLDER + ")");
            }
            count++;
        }
        if (count != 1) {
            throw new IllegalArgumentException(what + " must contain " + PLACEHOLDER + " exactly once, found " + count);
        }
    }
}
