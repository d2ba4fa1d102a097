package com.tagline.station.platform.ixkio;

import com.tagline.station.platform.TokenHeader;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The three spellings ixkio accepts for the Management API token (seed: "sent in the PATCH header as
 * X-API-Key, X-Api-Key or Ixkio-R"; platform-api §2.1). The token is the whole header value.
 */
public enum IxkioTokenHeader {
    X_API_KEY("X-API-Key"),
    X_API_KEY_MIXED_CASE("X-Api-Key"),
    IXKIO_R("Ixkio-R");

    private final String spelling;

    IxkioTokenHeader(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public TokenHeader header() {
        return TokenHeader.plain(spelling);
    }

    /** The header of this exact spelling (configuration); throws naming the three. */
    public static IxkioTokenHeader parse(String spelling) {
        return Arrays.stream(values()).filter(h -> h.spelling.equals(spelling)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ixkio token header '" + spelling + "' (known: "
                        + Arrays.stream(values()).map(IxkioTokenHeader::spelling).collect(Collectors.joining(", "))
                        + ")"));
    }
}
