package com.tagline.station.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a tag's URL can be written on a chip at all, wherever it comes from (an imported manifest, a
 * tagbase lease): an absolute {@code http}/{@code https} URL with a host, no whitespace or control
 * characters, at most {@value #MAX_LENGTH} characters. SUN placeholders such as {@code {picc}} count as text.
 * Whether it fits its chip with the SUN message is the recipes' check ({@code ChipUrlFit}).
 */
public final class TagUrl {
    /**
     * Far beyond any chip's NDEF memory (an NTAG 424 DNA's NDEF file holds 256 bytes); a longer URL is a
     * broken answer, not a tag to try on chips.
     */
    public static final int MAX_LENGTH = 2048;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+}");

    private TagUrl() {
    }

    /** Why {@code url} is not usable, e.g. {@code "bad URL: no host"}; empty when it is. */
    public static Optional<String> problem(String url) {
        if (url.isEmpty()) {
            return Optional.of("bad URL: empty");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("bad URL: " + url.length() + " characters, more than " + MAX_LENGTH);
        }
        if (url.chars().anyMatch(ch -> Character.isWhitespace(ch) || Character.isISOControl(ch))) {
            return Optional.of("bad URL: contains whitespace or control characters");
        }
        try {
            URI u = new URI(PLACEHOLDER.matcher(url).replaceAll("0"));
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                return Optional.of("bad URL: must start with https:// or http://");
            }
            if (u.getHost() == null || u.getHost().isEmpty()) {
                return Optional.of("bad URL: no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("bad URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }
}
