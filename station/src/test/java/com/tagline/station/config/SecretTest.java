package com.tagline.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret is one line of visible ASCII: what an HTTP header can carry (RFC 9110 §5.5 field-vchar). */
class SecretTest {
    @TempDir
    Path dir;

    private Secret file(byte[] content) throws IOException {
        Path f = dir.resolve("api.token");
        Files.write(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return new Secret(Optional.of(f), Optional.empty());
    }

    @Test
    void aTokenFileOfTwoLinesIsRefusedWithoutShowingEitherLine() throws IOException {
        // before: the station started, and every platform call failed with Vert.x's "only ' ' and '\t' are allowed
        // after '\n': Bearer <the token>" in the log: the secret in clear, and no platform
        Secret two = file("sk_live_first\nsk_live_second\n".getBytes(StandardCharsets.US_ASCII));
        ConfigException e = assertThrows(ConfigException.class, () -> two.read("platform.api_key", Map.of()));
        assertEquals(List.of(dir.resolve("api.token") + " holds more than one line; a token is one line"),
                e.problems());
        Secret env = new Secret(Optional.empty(), Optional.of("API_KEY"));
        ConfigException fromEnv = assertThrows(ConfigException.class,
                () -> env.read("platform.api_key", Map.of("API_KEY", "sk_live_a\r\nX-Other: b")));
        assertEquals(List.of("environment variable API_KEY holds more than one line; a token is one line"),
                fromEnv.problems());
    }

    @Test
    void aSpaceOrAControlCharacterInsideATokenIsRefused() throws IOException {
        Secret spaced = file("sk_live one\n".getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(dir.resolve("api.token") + " holds a space, a control character or a non-ASCII character;"
                + " a token is one line of visible ASCII"),
                assertThrows(ConfigException.class, () -> spaced.read("platform.api_key", Map.of())).problems());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheToken() throws IOException {
        // before: the mark went into the header, and the platform answered 401 to a correct token
        Secret bom = file("\uFEFFsk_live_secret\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("sk_live_secret", bom.read("platform.api_key", Map.of()));
    }

    /** A token path that names something else (a log, an image) is refused by size, never read whole into memory. */
    @Test
    void aFileFarLargerThanATokenIsRefusedWithoutReadingItWhole() throws IOException {
        Secret huge = file(new byte[1024 * 1024]);
        assertEquals(List.of("cannot read " + dir.resolve("api.token") + ": larger than 64 KiB: not the file meant"),
                assertThrows(ConfigException.class, () -> huge.read("platform.api_key", Map.of())).problems());
    }
}
