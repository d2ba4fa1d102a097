package com.tagline.hardware.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
    @TempDir
    Path dir;

    private Path write(String text, String perms) throws IOException {
        Path f = dir.resolve("keys.yaml");
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private static String valid() {
        return "key_set_version: 3\n" + "key0: 00112233445566778899AABBCCDDEEF0\nkey1: \"00112233445566778899AABBCCDDEEF1\"\n"
                + "key2: 00112233445566778899AABBCCDDEEF2 # comment\nkey3: 00112233445566778899AABBCCDDEEF3\n"
                + "key4: 00112233445566778899AABBCCDDEEF4\n";
    }

    @Test
    void loadsTheExampleFormat() throws IOException {
        MasterKeySet keys = KeyFile.load(write(valid(), "rw-------"));
        assertEquals(3, keys.version());
        assertFalse(keys.toString().contains("00112233"), "toString shows key check values only");
    }

    @Test
    void theShippedExampleLoads() throws IOException {
        Path example = Path.of("..", "configs", "keys.example.yaml");
        Path copy = write(Files.readString(example), "r--------");
        assertEquals(1, KeyFile.load(copy).version());
    }

    @Test
    void refusesAFileOthersCanRead() throws IOException {
        Path f = write(valid(), "rw-r--r--");
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFile.load(f));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void namesTheBadFieldWithoutPrintingKeys() throws IOException {
        Path f = write(valid().replace("key3: 00112233445566778899AABBCCDDEEF3", "key3: 0011"), "rw-------");
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFile.load(f));
        assertTrue(e.getMessage().contains("key3"), e.getMessage());
        assertFalse(e.getMessage().contains("00112233445566778899AABBCCDDEEF"), "no key material in errors");
        Path noVersion = write(valid().replace("key_set_version: 3\n", ""), "rw-------");
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFile.load(noVersion)).getMessage()
                .contains("key_set_version"));
        Path zero = write(valid().replace("key_set_version: 3", "key_set_version: 0"), "rw-------");
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFile.load(zero)).getMessage().contains("1..255"));
    }

    @Test
    void aByteOrderMarkFromAWindowsEditorIsNotPartOfTheFirstField() throws IOException {
        // before: "key_set_version is missing" for a file that has it, behind U+FEFF
        assertEquals(3, KeyFile.load(write("\uFEFF" + valid(), "rw-------")).version());
    }

    @Test
    void aFieldWrittenTwiceIsRefusedNotSilentlyTheLastOne() throws IOException {
        // before: the second key0 was used, so chips got a key the operator may have meant to replace
        Path f = write(valid() + "key0: FF112233445566778899AABBCCDDEEF0\n", "rw-------");
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFile.load(f));
        assertEquals(f + ": key0 is written twice; keep one", e.getMessage());
    }

    @Test
    void aMisspeltFieldIsRefusedNotIgnored() throws IOException {
        // before: 'system_identifer' was ignored and every chip was diversified with the default system identifier
        Path f = write(valid() + "system_identifer: 0102\n", "rw-------");
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyFile.load(f));
        assertEquals(f + ": unknown field 'system_identifer' (known: key0, key1, key2, key3, key4, key_set_version,"
                + " system_identifier)", e.getMessage());
        assertEquals(3, KeyFile.load(write("---\n" + valid(), "rw-------")).version(), "a YAML document start is fine");
    }

    @Test
    void aDirectoryIsNamedAsOneNotAsMissing() throws IOException {
        // before: "key file does not exist" for a directory that does
        Path d = java.nio.file.Files.createDirectories(dir.resolve("keys.d"));
        assertEquals(d + ": is a directory, not a key file", assertThrows(KeyFileException.class,
                () -> KeyFile.load(d)).getMessage());
    }

    @Test
    void loadsTheSameKeysFromTheEnvironment() throws IOException {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("TAGLINE_KEY_SET_VERSION", "3");
        for (int i = 0; i < 5; i++) {
            env.put("TAGLINE_KEY" + i, "00112233445566778899AABBCCDDEEF" + i);
        }
        MasterKeySet fromEnv = KeyFile.fromEnvironment(env, "TAGLINE_");
        MasterKeySet fromFile = KeyFile.load(write(valid(), "rw-------"));
        assertEquals(fromFile.toString(), fromEnv.toString(), "same key check values and version");
    }

    @Test
    void aMissingOrBadVariableIsNamedWithoutItsValue() {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("TAGLINE_KEY_SET_VERSION", "3");
        for (int i = 0; i < 4; i++) {
            env.put("TAGLINE_KEY" + i, "00112233445566778899AABBCCDDEEF" + i);
        }
        KeyFileException missing = assertThrows(KeyFileException.class, () -> KeyFile.fromEnvironment(env, "TAGLINE_"));
        assertTrue(missing.getMessage().contains("key4 is missing"), missing.getMessage());
        env.put("TAGLINE_KEY4", "00112233445566778899AABBCCDDEEZZ");
        KeyFileException bad = assertThrows(KeyFileException.class, () -> KeyFile.fromEnvironment(env, "TAGLINE_"));
        assertTrue(bad.getMessage().contains("key4 is not hexadecimal"), bad.getMessage());
        assertFalse(bad.getMessage().contains("EEZZ"), "the value is never echoed");
    }
}
