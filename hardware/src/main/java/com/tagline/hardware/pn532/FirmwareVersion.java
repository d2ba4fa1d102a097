package com.tagline.hardware.pn532;

/**
 * GetFirmwareVersion response (UM0701-02 §7.2 GetFirmwareVersion): {@code IC Ver Rev Support},
 * {@code 32 01 06 07} for a PN532 v1.6 with ISO 14443-A, 14443-B and ISO 18092 support.
 */
public record FirmwareVersion(int ic, int version, int revision, int support) {
    /** IC byte of the PN532. */
    public static final int IC_PN532 = 0x32;

    static FirmwareVersion parse(byte[] payload) {
        if (payload.length != 4) {
            throw new Pn532FrameException("GetFirmwareVersion answered " + payload.length + " bytes, expected 4");
        }
        return new FirmwareVersion(payload[0] & 0xFF, payload[1] & 0xFF, payload[2] & 0xFF, payload[3] & 0xFF);
    }

    public boolean isPn532() {
        return ic == IC_PN532;
    }

    /** Support bit 0: ISO/IEC 14443 Type A. */
    public boolean supportsIso14443a() {
        return (support & 0x01) != 0;
    }

    @Override
    public String toString() {
        return String.format("PN5%02X v%d.%d (support %02X)", ic, version, revision, support);
    }
}
