package com.tagline.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SmallTextFile}: the one reader of the configuration, key and token files. */
class SmallTextFileTest {
    @TempDir
    Path dir;

    @Test
    void aLeadingByteOrderMarkIsDroppedAndTheRestKept() throws IOException {
        Path f = Files.writeString(dir.resolve("a.yaml"), "\uFEFFstation: line-1\r\n", StandardCharsets.UTF_8);
        assertEquals("station: line-1\r\n", SmallTextFile.read(f, 100));
    }

    @Test
    void aFileOverTheLimitIsRefusedAndSaidInWords() throws IOException {
        Path f = Files.write(dir.resolve("big"), new byte[101]);
        SmallTextFile.TooLargeException e = assertThrows(SmallTextFile.TooLargeException.class,
                () -> SmallTextFile.read(f, 100));
        assertEquals(100, e.limit());
        Path g = Files.write(dir.resolve("bigger"), new byte[64 * 1024 + 1]);
        assertEquals("larger than 64 KiB: not the file meant", IoReason.of(assertThrows(IOException.class,
                () -> SmallTextFile.read(g, 64 * 1024))));
        assertEquals(100, SmallTextFile.read(Files.write(dir.resolve("fits"), new byte[100]), 100).length());
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path f = Files.write(dir.resolve("latin1"), new byte[] {'k', '=', (byte) 0xE9});
        assertEquals("not UTF-8 text", IoReason.of(assertThrows(CharacterCodingException.class,
                () -> SmallTextFile.read(f, 100))));
    }
}
