package com.tagline.station.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text of a configuration file, read with a size limit before anything parses it: a wrong {@code --config}
 * (a database, a log, a device) is refused at once instead of filling the heap or keeping the YAML scanner busy
 * for minutes. Reads at most one byte past the limit, so a pipe or a device works too. UTF-8 only.
 */
final class ConfigText {
    /** The file holds more than the limit. */
    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("too large");
        }
    }

    private ConfigText() {
    }

    /**
     * @throws TooLargeException when the file holds more than {@code limit} bytes
     * @throws java.nio.charset.CharacterCodingException when it is not UTF-8 text
     */
    static String read(Path file, int limit) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw new TooLargeException();
        }
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
