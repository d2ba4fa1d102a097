package com.tagline.hardware.ntag223;

import java.util.Objects;

/**
 * What one FAST_READ of an NTAG 223 DNA's memory through the key-lock page shows (ntag223.md §2.1, §7 steps
 * 1–2): the header (pages 00h–03h, when the read started there), user memory as the chip presents it (the SUN
 * mirror overlaid, §6.1) and the configuration pages. Arrays are copied in and out.
 *
 * @param header UID, lock bytes and CC; null when the read started at the first user page
 * @param user user memory, 144 bytes on the 223
 * @param config dynamic lock, CFG0, CFG1, PWD/PACK (read as 00) and key-lock pages
 */
public record Ntag223Snapshot(Ntag223Header header, byte[] user, Ntag223Config config) {
    public Ntag223Snapshot {
        user = user.clone();
        Objects.requireNonNull(config, "config");
    }

    @Override
    public byte[] user() {
        return user.clone();
    }
}
