package com.tagline.station.platform;

import java.util.Objects;

/**
 * How a platform wants the API token: a header name and a prefix before the token, e.g.
 * {@code Authorization: Bearer <token>} (tagbase, platform-api §1.1) or {@code X-API-Key: <token>}
 * (ixkio, §2.1). {@link #toString()} never shows a token: this type does not hold one.
 *
 * @param name   the header name
 * @param prefix text before the token in the header value, empty for none
 */
public record TokenHeader(String name, String prefix) {
    /** {@code Authorization: Bearer <token>}. */
    public static final TokenHeader BEARER = new TokenHeader("Authorization", "Bearer ");

    public TokenHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        if (name.isBlank()) {
            throw new IllegalArgumentException("token header name must not be blank");
        }
    }

    /** The token alone as the value of {@code name}. */
    public static TokenHeader plain(String name) {
        return new TokenHeader(name, "");
    }

    /** The header value for {@code token}. */
    public String value(String token) {
        return prefix + token;
    }
}
