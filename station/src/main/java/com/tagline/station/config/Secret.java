package com.tagline.station.config;

import com.tagline.hardware.IoReason;
import com.tagline.hardware.SmallTextFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a secret (an API token) comes from: a file only its owner can read, or an environment
 * variable (architecture §6: secrets only from files or the environment, never the configuration
 * itself). A file also comes as a systemd credential of the same name ({@link Credentials}).
 * {@link #toString()} names the source, never the value.
 */
public record Secret(Optional<Path> file, Optional<String> variable) {
    /** A token is one line; a file far larger is not the token file meant. */
    private static final int MAX_BYTES = 64 * 1024;
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /** Reads the secret; throws {@link ConfigException} naming the source when it cannot be had. */
    public String read(String field, Map<String, String> env) {
        if (variable.isPresent()) {
            String v = env.get(variable.get());
            if (v == null || v.isBlank()) {
                throw new ConfigException(field, java.util.List.of("environment variable " + variable.get()
                        + " is not set"));
            }
            return oneLine(field, "environment variable " + variable.get(), v);
        }
        Path f = source(env).orElseThrow();
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
            perms.retainAll(GROUP_OR_OTHERS);
            if (!perms.isEmpty()) {
                throw new ConfigException(field, java.util.List.of(f + " is accessible by group or others "
                        + perms + "; run chmod 600 " + f));
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        } catch (IOException e) {
            throw new ConfigException(field, java.util.List.of("cannot read " + f + ": " + IoReason.of(e)));
        }
        try {
            String v = SmallTextFile.read(f, MAX_BYTES);
            if (v.isBlank()) {
                throw new ConfigException(field, java.util.List.of(f + " is empty"));
            }
            return oneLine(field, f.toString(), v);
        } catch (IOException e) {
            throw new ConfigException(field, java.util.List.of("cannot read " + f + ": " + IoReason.of(e)));
        }
    }

    /**
     * The value without surrounding white space or a leading byte order mark (a Windows editor), checked to be one
     * line of visible ASCII: what an HTTP header carries (RFC 9110 §5.5). A line break in a header made Vert.x
     * refuse every request with the whole header, token included, in its message. Never shows the value.
     */
    private static String oneLine(String field, String source, String raw) {
        String v = raw.strip();
        if (v.contains("\n") || v.contains("\r")) {
            throw new ConfigException(field, java.util.List.of(source + " holds more than one line; a token is one line"));
        }
        if (!v.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new ConfigException(field, java.util.List.of(source + " holds a space, a control character or a"
                    + " non-ASCII character; a token is one line of visible ASCII"));
        }
        return v;
    }

    /**
     * The file as read under {@code env}: the configured file, or its systemd credential of the same name
     * ({@link Credentials}); empty for a variable.
     */
    public Optional<Path> source(Map<String, String> env) {
        return variable.isPresent() ? Optional.empty() : file.map(f -> Credentials.resolve(f, env));
    }

    @Override
    public String toString() {
        return variable.map(v -> "env:" + v).orElseGet(() -> "file:" + file.orElseThrow());
    }
}
