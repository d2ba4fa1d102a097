package com.tagline.hardware.pn532;

/**
 * Error codes of the PN532 status byte returned by InDataExchange, InCommunicateThru, InDeselect,
 * InRelease and similar commands (UM0701-02 §7.1 "Error handling"; pn532.md §3.2). The status
 * byte's low 6 bits carry the code, bit 6 is MI (more information), bit 7 is NAD.
 *
 * <p>{@link Kind} follows libnfc's grouping ({@code pn53x.c pn53x_transceive}).
 */
public enum Pn532Status {
    TIMEOUT(0x01, Kind.RF, "time out, the target has not answered"),
    CRC_ERROR(0x02, Kind.RF, "a CRC error has been detected by the CIU"),
    PARITY_ERROR(0x03, Kind.RF, "a parity error has been detected by the CIU"),
    BIT_COUNT_ERROR(0x04, Kind.RF, "erroneous bit count during the anti-collision/select operation"),
    MIFARE_FRAMING_ERROR(0x05, Kind.RF, "framing error during MIFARE operation"),
    BIT_COLLISION(0x06, Kind.RF, "abnormal bit-collision during bitwise anti-collision at 106 kbps"),
    BUFFER_TOO_SMALL(0x07, Kind.CHIP, "communication buffer size insufficient"),
    RF_BUFFER_OVERFLOW(0x09, Kind.CHIP, "RF buffer overflow detected by the CIU"),
    RF_FIELD_NOT_ON(0x0A, Kind.RF, "RF field not switched on in time by the counterpart (active mode)"),
    RF_PROTOCOL_ERROR(0x0B, Kind.RF, "RF protocol error"),
    OVERHEATING(0x0D, Kind.CHIP, "temperature error: the antenna drivers were switched off"),
    INTERNAL_BUFFER_OVERFLOW(0x0E, Kind.CHIP, "internal buffer overflow"),
    INVALID_PARAMETER(0x10, Kind.INVALID_ARGUMENT, "invalid parameter (range, format)"),
    DEP_UNSUPPORTED_COMMAND(0x12, Kind.RF, "DEP protocol: unsupported command received from the initiator"),
    DATA_FORMAT_ERROR(0x13, Kind.RF, "the received frame does not match the specification (format error)"),
    MIFARE_AUTHENTICATION_ERROR(0x14, Kind.AUTHENTICATION, "MIFARE authentication error"),
    NFC_SECURE_NOT_SUPPORTED(0x18, Kind.INVALID_ARGUMENT, "NFC secure not supported (PN533)"),
    UID_CHECK_BYTE_WRONG(0x23, Kind.RF, "ISO/IEC 14443-3: UID check byte (BCC) is wrong"),
    INVALID_DEP_STATE(0x25, Kind.RF, "DEP protocol: invalid device state"),
    OPERATION_NOT_ALLOWED(0x26, Kind.INVALID_ARGUMENT, "operation not allowed in this configuration"),
    COMMAND_NOT_ACCEPTABLE(0x27, Kind.INVALID_ARGUMENT, "command not acceptable in the current context"),
    RELEASED_BY_INITIATOR(0x29, Kind.TARGET_RELEASED, "the target has been released by the initiator"),
    CARD_ID_MISMATCH(0x2A, Kind.RF, "ISO/IEC 14443-3B: the card ID does not match"),
    CARD_DISAPPEARED(0x2B, Kind.TARGET_RELEASED, "ISO/IEC 14443-3B: the previously activated card has disappeared"),
    NFCID3_MISMATCH(0x2C, Kind.RF, "NFCID3 initiator/target mismatch in DEP 212/424 kbps passive"),
    OVER_CURRENT(0x2D, Kind.CHIP, "an over-current event has been detected"),
    NAD_MISSING(0x2E, Kind.RF, "NAD missing in DEP frame");

    /** libnfc's error classes for these codes. */
    public enum Kind { RF, CHIP, INVALID_ARGUMENT, TARGET_RELEASED, AUTHENTICATION }

    /** Mask of the error code inside a status byte. */
    public static final int ERROR_MASK = 0x3F;
    /** Status bit 6: more information follows (chaining, UM0701-02 §7.3 InDataExchange). */
    public static final int MI = 0x40;

    private final int code;
    private final Kind kind;
    private final String meaning;

    Pn532Status(int code, Kind kind, String meaning) {
        this.code = code;
        this.kind = kind;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** The manual's description of the code. */
    public String meaning() {
        return meaning;
    }

    /** The status for an error code (low 6 bits), or null for a code the manual does not list. */
    public static Pn532Status of(int code) {
        for (Pn532Status s : values()) {
            if (s.code == (code & ERROR_MASK)) {
                return s;
            }
        }
        return null;
    }

    /** True when the code means the target is gone: time-out (01) or disappeared card (2B). */
    public static boolean meansTagLost(int code) {
        int c = code & ERROR_MASK;
        return c == TIMEOUT.code || c == CARD_DISAPPEARED.code;
    }

    /**
     * Throws the typed exception for a failed status byte; returns quietly when its error bits are 0.
     *
     * @throws Pn532TagLostException for time-out and disappeared card
     * @throws Pn532StatusException for every other error code
     */
    public static void check(String command, int statusByte) {
        int code = statusByte & ERROR_MASK;
        if (code == 0) {
            return;
        }
        if (meansTagLost(code)) {
            throw new Pn532TagLostException(command, code);
        }
        throw new Pn532StatusException(command, code);
    }

    static String describe(String command, int code, String detail) {
        Pn532Status known = of(code);
        String text = known == null ? "unknown status" : known.name() + ": " + known.meaning();
        return command + " failed with PN532 status " + String.format("%02X", code) + " (" + text + ")"
                + (detail == null ? "" : ", " + detail);
    }
}
