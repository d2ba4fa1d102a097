package com.tagline.hardware.ntag424.sdm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of a scanned SUN URL, each with its value and the value's position in the
 * URL string (the SDM MAC input is a span of the URL as transmitted, DS §9.3.5).
 */
public final class SunParameters {
    /** Names auto-detected when none is given (station sun-verify contract). */
    public static final List<String> PICC_NAMES = List.of("picc_data", "e", "p");
    public static final List<String> MAC_NAMES = List.of("cmac", "c");
    public static final List<String> ENC_NAMES = List.of("enc");
    public static final List<String> UID_NAMES = List.of("uid");
    public static final List<String> CTR_NAMES = List.of("ctr");

    /** A parameter's value and where it starts in the URL string. */
    public record Value(String text, int start) {}

    private final String url;
    private final Map<String, Value> values;

    private SunParameters(String url, Map<String, Value> values) {
        this.url = url;
        this.values = values;
    }

    /** Parses {@code url}; throws IllegalArgumentException naming what is malformed. */
    public static SunParameters parse(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException("not an absolute URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed URL: " + e.getMessage());
        }
        int q = url.indexOf('?');
        if (q < 0) {
            throw new IllegalArgumentException("URL has no query parameters: " + url);
        }
        int end = url.indexOf('#', q);
        end = end < 0 ? url.length() : end;
        Map<String, Value> values = new LinkedHashMap<>();
        int pos = q + 1;
        while (pos <= end) {
            int amp = url.indexOf('&', pos);
            int stop = amp < 0 || amp > end ? end : amp;
            String pair = url.substring(pos, stop);
            int eq = pair.indexOf('=');
            if (eq > 0 && values.putIfAbsent(pair.substring(0, eq), new Value(pair.substring(eq + 1), pos + eq + 1))
                    != null) {
                // Which copy would a verifier read, and which would the platform? A forged value beside a genuine
                // one must not verify: a repeated parameter is bad input.
                throw new IllegalArgumentException("parameter '" + pair.substring(0, eq) + "' appears more than once"
                        + " in the URL; a scanned URL with a repeated parameter is refused");
            }
            pos = stop + 1;
        }
        return new SunParameters(url, values);
    }

    public String url() {
        return url;
    }

    /** The value of {@code explicitName}, or of the first auto-detect name present. */
    public Optional<Value> find(String explicitName, List<String> autoNames) {
        if (explicitName != null) {
            return Optional.ofNullable(values.get(explicitName));
        }
        return autoNames.stream().map(values::get).filter(v -> v != null).findFirst();
    }

    /** Every parameter in URL order. */
    public Map<String, Value> all() {
        return Map.copyOf(values);
    }
}
