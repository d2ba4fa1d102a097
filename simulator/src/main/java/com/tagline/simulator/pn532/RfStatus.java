package com.tagline.simulator.pn532;

/**
 * The status byte of InDataExchange, InCommunicateThru, InDeselect, InRelease and InSelect: error code in
 * bits 5..0 (UM0701-02 §7.1 "Error handling"; pn532.md §3.2), bit 6 MI. Only the codes the emulator
 * produces are listed; the text is the manual's.
 */
enum RfStatus {
    OK(0x00, "success"),
    TIMEOUT(0x01, "time out, the target has not answered"),
    CRC_ERROR(0x02, "a CRC error has been detected by the CIU"),
    /** [inferred] what InCommunicateThru reports when several chips answer differently. */
    BIT_COLLISION(0x06, "an abnormal bit-collision has been detected during bit wise anti-collision at 106 kbps"),
    INVALID_PARAMETER(0x10, "invalid parameter (range, format, ...)"),
    NOT_ACCEPTABLE(0x27, "the command is not acceptable due to the current context");

    /** Bit 6 of the status byte: more information follows (UM0701-02 §7.3.8). */
    static final int MORE_INFORMATION = 0x40;

    private final int code;
    private final String text;

    RfStatus(int code, String text) {
        this.code = code;
        this.text = text;
    }

    int code() {
        return code;
    }

    String text() {
        return text;
    }
}
