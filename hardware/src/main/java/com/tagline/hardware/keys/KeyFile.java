package com.tagline.hardware.keys;


import com.tagline.hardware.IoReason;
import com.tagline.hardware.SmallTextFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads a {@link MasterKeySet} from a key file of {@code name: value} lines (valid as YAML and as
 * Java properties): {@code key_set_version}, {@code key0} .. {@code key4} (32 hex characters each)
 * and optionally {@code system_identifier} (hex). The file must be readable by its owner only
 * (architecture §6). Errors name the file and field, never a key value.
 */
public final class KeyFile {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private static final Set<String> FIELDS = Set.of("key_set_version", "system_identifier", "key0", "key1", "key2",
            "key3", "key4");

    /** Seven short fields fit in far less; anything larger is not a key file. */
    private static final int MAX_BYTES = 64 * 1024;

    private KeyFile() {}

    public static MasterKeySet load(Path file) {
        checkPermissions(file);
        FieldsOnce p = new FieldsOnce();
        try {
            p.load(new StringReader(SmallTextFile.read(file, MAX_BYTES)));
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot read key file: " + IoReason.of(e));
        }
        p.twice().ifPresent(f -> {
            throw new KeyFileException(file + ": " + f + " is written twice; keep one");
        });
        // a misspelt field would fall back silently (a default system identifier changes every chip's keys)
        Set<String> unknown = new TreeSet<>(p.stringPropertyNames());
        unknown.removeAll(FIELDS);
        unknown.remove("---"); // a YAML document start
        if (!unknown.isEmpty()) {
            throw new KeyFileException(file + ": unknown field '" + unknown.iterator().next() + "' (known: "
                    + String.join(", ", new TreeSet<>(FIELDS)) + ")");
        }
        return parse(file.toString(), p);
    }

    /** Properties that remember the first field given twice (YAML 1.2 §3.2.1.1: keys are unique). */
    private static final class FieldsOnce extends Properties {
        private String twice;

        @Override
        public synchronized Object put(Object key, Object value) {
            if (twice == null && containsKey(key)) {
                twice = String.valueOf(key);
            }
            return super.put(key, value);
        }

        java.util.Optional<String> twice() {
            return java.util.Optional.ofNullable(twice);
        }
    }

    /**
     * The master keys from environment variables instead of a file (for hosts that inject secrets):
     * {@code PREFIX + KEY_SET_VERSION}, {@code PREFIX + KEY0} .. {@code KEY4} and optionally
     * {@code PREFIX + SYSTEM_IDENTIFIER}, with the same rules as the file's fields. Errors name the
     * variable, never its value.
     */
    public static MasterKeySet fromEnvironment(java.util.Map<String, String> env, String prefix) {
        Properties p = new Properties();
        copy(env, prefix + "KEY_SET_VERSION", p, "key_set_version");
        for (int i = 0; i < MasterKeySet.KEY_COUNT; i++) {
            copy(env, prefix + "KEY" + i, p, "key" + i);
        }
        copy(env, prefix + "SYSTEM_IDENTIFIER", p, "system_identifier");
        return parse("environment " + prefix + "*", p);
    }

    private static void copy(java.util.Map<String, String> env, String variable, Properties p, String field) {
        String v = env.get(variable);
        if (v != null) {
            p.setProperty(field, v);
        }
    }

    static MasterKeySet parse(String source, Properties p) {
        int version = parseVersion(source, p.getProperty("key_set_version"));
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < MasterKeySet.KEY_COUNT; i++) {
            keys.add(hexField(source, "key" + i, p.getProperty("key" + i), 16));
        }
        String sys = p.getProperty("system_identifier");
        byte[] systemId = sys == null ? MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER
                : hexField(source, "system_identifier", sys, -1);
        try {
            return new MasterKeySet(keys, version, systemId);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source + ": " + e.getMessage());
        }
    }

    private static int parseVersion(String source, String text) {
        if (text == null) {
            throw new KeyFileException(source + ": key_set_version is missing");
        }
        try {
            return Integer.parseInt(strip(text));
        } catch (NumberFormatException e) {
            throw new KeyFileException(source + ": key_set_version must be a number 1..255");
        }
    }

    private static byte[] hexField(String source, String field, String text, int bytes) {
        if (text == null) {
            throw new KeyFileException(source + ": " + field + " is missing");
        }
        String v = strip(text);
        if (bytes > 0 && v.length() != 2 * bytes) {
            throw new KeyFileException(source + ": " + field + " must be " + (2 * bytes) + " hex characters, has "
                    + v.length());
        }
        try {
            return HexFormat.of().parseHex(v);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(source + ": " + field + " is not hexadecimal");
        }
    }

    /** Drops YAML quoting and trailing comments. */
    private static String strip(String v) {
        String s = v.strip();
        int hash = s.indexOf(" #");
        if (hash >= 0) {
            s = s.substring(0, hash).strip();
        }
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static void checkPermissions(Path file) {
        if (Files.isDirectory(file)) {
            throw new KeyFileException(file + ": is a directory, not a key file");
        }
        if (!Files.isRegularFile(file)) {
            throw new KeyFileException(file + ": key file does not exist");
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            perms.retainAll(GROUP_OR_OTHERS);
            if (!perms.isEmpty()) {
                throw new KeyFileException(file + ": key file is accessible by group or others " + perms
                        + "; run chmod 600 " + file);
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        } catch (IOException e) {
            throw new KeyFileException(file + ": cannot read permissions: " + IoReason.of(e));
        }
    }
}
