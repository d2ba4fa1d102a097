package com.tagline.station.personalize;

import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag223.NdefTlv;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.sun.MirrorLayout;
import com.tagline.hardware.ntag223.sun.SunMessage;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag223.sun.SunMessageVerifier;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks the SUN message an NTAG 223 DNA mirrors into a read of its user memory (ntag223.md §6.1–§6.2):
 * the mirror is on at the layout's offset, the message parses, carries the chip's UID and its CMAC
 * verifies with the derived SUNCMAC_KEY. Also reads the NDEF as a phone does (§6.4, T2T TLVs) for the
 * URL. Stateless; the key is used, never kept or logged.
 */
final class Ntag223SunCheck {
    private Ntag223SunCheck() {}

    /** Null when the message in {@code userMemory} (read from the first user page) verifies, else what did not. */
    static String problem(MirrorLayout layout, Ntag223Config config, byte[] userMemory, byte[] key, byte[] uid) {
        return problem(layout, config, userMemory, layout.pages().userStart(), key, uid);
    }

    /** As {@link #problem(MirrorLayout, Ntag223Config, byte[], byte[], byte[])}, for a read from {@code firstPage}. */
    static String problem(MirrorLayout layout, Ntag223Config config, byte[] read, int firstPage, byte[] key,
            byte[] uid) {
        if (!config.mirrorEnabled()) {
            return "SUN mirror is off";
        }
        if (config.mirrorOffset() != layout.messageOffset()) {
            return "SUN mirror starts at byte " + config.mirrorOffset() + ", not at " + layout.messageOffset();
        }
        SunMessage message;
        try {
            message = SunMessage.parse(layout.extractMessage(read, firstPage));
        } catch (IllegalArgumentException e) {
            return "SUN message is malformed: " + e.getMessage();
        }
        if (!MessageDigest.isEqual(message.uid(), uid)) {
            return "SUN message carries UID " + message.uidHex() + ", not the chip's";
        }
        SunMessageResult r = SunMessageVerifier.verify(message, key);
        return r.valid() ? null : "SUN message did not verify: " + r.reason();
    }

    /** The URL in the first NDEF record of {@code userMemory}, read like a phone; empty when there is none. */
    static Optional<String> url(byte[] userMemory) {
        try {
            return NdefTlv.decode(userMemory).filter(m -> m.length > 0).map(m -> NdefUri.parse(m).uri());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
