package com.tagline.station.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The operator's bearer token for the console's controls, kept only as its SHA-256 digest. A presented
 * token is compared digest to digest with {@link MessageDigest#isEqual}, whose time does not depend on
 * where the bytes differ, and hashing first hides the length too (architecture §6: compare in constant
 * time). {@link #toString()} shows nothing of it.
 */
public final class OperatorToken {
    /** Shorter tokens are refused: a bearer token on a plant network must not be guessable. */
    public static final int MIN_LENGTH = 16;

    private final byte[] digest;

    private OperatorToken(byte[] digest) {
        this.digest = digest;
    }

    /** @throws IllegalArgumentException when shorter than {@value #MIN_LENGTH} characters (the message holds no token) */
    public static OperatorToken of(String token) {
        if (token == null || token.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the operator token must be at least " + MIN_LENGTH + " characters");
        }
        return new OperatorToken(sha256(token.strip()));
    }

    /** Whether {@code presented} is this token, in time independent of its content. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented.strip()));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "OperatorToken(hidden)";
    }
}
