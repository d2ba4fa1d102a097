package com.tagline.hardware;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read, in words, for a message that already names the file. The JDK's own
 * messages of {@link java.nio.file} errors are the path alone ({@code NoSuchFileException: /x/y}), so
 * "cannot read /x/y (/x/y)" said nothing.
 */
public final class IoReason {
    private IoReason() {
    }

    /** {@code does not exist}, {@code permission denied}, ...; never the path again. */
    public static String of(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof SmallTextFile.TooLargeException big) {
            return "larger than " + (big.limit() >= 1 << 20 ? (big.limit() >> 20) + " MiB" : (big.limit() >> 10) + " KiB")
                    + ": not the file meant";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (e instanceof FileSystemException fs) {
            // getReason() is the OS's words ("Is a directory"); getMessage() would repeat the path
            return fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
