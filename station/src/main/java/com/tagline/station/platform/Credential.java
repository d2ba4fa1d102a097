package com.tagline.station.platform;

import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A platform API token and where it comes from, so that a token refused with {@code 401} can be read
 * again without restarting the station (an operator replaced the token file, or the console asked for a
 * reload). {@link #toString()} never shows the token (architecture §6).
 *
 * <p>Threading: safe; the sync thread reads it for every call, a reload may come from any thread.
 */
public final class Credential {
    private static final Logger log = LoggerFactory.getLogger(Credential.class);
    private final Supplier<String> source;
    private final String description;
    private volatile String token;

    private Credential(Supplier<String> source, String description) {
        this.source = Objects.requireNonNull(source, "source");
        this.description = description;
        this.token = read();
    }

    /** A token that never changes (tests, simulations). */
    public static Credential fixed(String token) {
        Objects.requireNonNull(token, "token");
        return new Credential(() -> token, "a fixed token");
    }

    /**
     * A token read now from {@code source} and again on {@link #reload()}; {@code description} names the
     * source (a file path or a variable name) for messages.
     *
     * @throws RuntimeException whatever {@code source} throws when the token cannot be read now
     */
    public static Credential from(Supplier<String> source, String description) {
        return new Credential(source, description);
    }

    public String token() {
        return token;
    }

    /**
     * Reads the token from its source again.
     *
     * @return whether it changed
     * @throws RuntimeException what the source throws (the old token stays in use)
     */
    public boolean reload() {
        String fresh = read();
        boolean changed = !fresh.equals(token);
        token = fresh;
        log.info("event=credential_reloaded source=\"{}\" changed={}", description, changed);
        return changed;
    }

    private String read() {
        String t = source.get();
        if (t == null || t.isBlank()) {
            throw new IllegalStateException("the API token from " + description + " is empty");
        }
        return t;
    }

    @Override
    public String toString() {
        return "Credential[" + description + "]";
    }
}
