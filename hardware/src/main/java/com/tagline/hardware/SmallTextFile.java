package com.tagline.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small UTF-8 text file a person wrote (the station's configuration, a key file, a token), read whole with a size
 * limit before anything parses it: a wrong path (a database, a log, {@code /dev/zero}) is refused at once instead of
 * filling the heap. Reads at most one byte past the limit, so a pipe or a device works too. Strict UTF-8; a leading
 * byte order mark (a Windows editor's) is dropped, since it would otherwise become part of the first name or value.
 */
public final class SmallTextFile {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** The file holds more than the limit; {@link IoReason} says so in words. */
    public static final class TooLargeException extends IOException {
        private final int limit;

        TooLargeException(int limit) {
            super("larger than " + limit + " bytes");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }

    private SmallTextFile() {
    }

    /**
     * @throws TooLargeException when the file holds more than {@code limit} bytes
     * @throws java.nio.charset.CharacterCodingException when it is not UTF-8 text
     */
    public static String read(Path file, int limit) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw new TooLargeException(limit);
        }
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
