package com.tagline.hardware.tag;

import java.time.Duration;

/**
 * One activated target in the field (architecture §2): APDU exchange for ISO-DEP targets and raw
 * Type 2 frames (CRC and 4-bit ACK/NAK handled by the implementation).
 *
 * <p>Threading: a link is owned by the single reader thread. Failure modes: {@link TagLostException}
 * when the target left the field or did not answer in time; {@link TransportException} when the path
 * to the reader failed. After either, the caller must treat any secure session as dead.
 */
public interface TagLink {
    /** Sends one C-APDU and returns the whole R-APDU, status word included. */
    byte[] transceive(byte[] apdu);

    /** Sends one raw Type 2 frame (without CRC) and returns the answer (a 4-bit ACK/NAK as one byte). */
    byte[] transceiveRaw(byte[] frame, Duration timeout);

    /** The target as seen at activation. */
    Target target();
}
