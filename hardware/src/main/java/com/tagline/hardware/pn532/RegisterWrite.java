package com.tagline.hardware.pn532;

/**
 * One address/value pair of WriteRegister (UM0701-02 §7.2 WriteRegister): a 16-bit address in the
 * PN532's SFR/XRAM space (CIU registers at 0x6301..0x633F) and the byte to store.
 */
public record RegisterWrite(int address, int value) {
    public RegisterWrite {
        if (address < 0 || address > 0xFFFF || value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(String.format("register write %X=%X out of range", address, value));
        }
    }

    /** The WriteRegister parameters: ADRH ADRL VAL per pair. */
    static byte[] params(RegisterWrite... writes) {
        byte[] params = new byte[writes.length * 3];
        for (int i = 0; i < writes.length; i++) {
            params[3 * i] = (byte) (writes[i].address >>> 8);
            params[3 * i + 1] = (byte) writes[i].address;
            params[3 * i + 2] = (byte) writes[i].value;
        }
        return params;
    }
}
