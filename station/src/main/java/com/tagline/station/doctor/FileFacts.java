package com.tagline.station.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/** Owner, group and mode of a file, as {@code ls -l} would tell them, for the doctor's lines. */
record FileFacts(String owner, String group, Set<PosixFilePermission> permissions) {
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    /** The facts of {@code file} (of a symlink's target). */
    static FileFacts of(Path file) throws IOException {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class);
        return new FileFacts(a.owner().getName(), a.group().getName(), a.permissions());
    }

    /** Readable or writable by group or others: what a secret must never be (architecture §6). */
    boolean exposed() {
        return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains);
    }

    /** e.g. {@code root:dialout 0660}. */
    String describe() {
        return owner + ":" + group + " " + octal();
    }

    String octal() {
        int m = 0;
        for (PosixFilePermission p : permissions) {
            m |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", m);
    }
}
