package com.tagline.hardware.ntag223;

/**
 * The 4-bit NAK values a Type 2 tag answers (ntag223.md §4, taken from the NTAG213/215/216 table
 * because the 22x table was not available [inferred]). Proxmark3's generic Ultralight list reads
 * 4 = not allowed, 5 = transmission error, 7 = EEPROM error instead; codes outside this table are kept
 * raw by {@link Ntag223NakException}.
 */
public enum Ntag223Nak {
    INVALID_ARGUMENT(0x0, "invalid argument (e.g. page address out of range or access not allowed)"),
    PARITY_OR_CRC_ERROR(0x1, "parity or CRC error"),
    AUTHENTICATION_COUNTER_OVERFLOW(0x4, "invalid authentication counter overflow (AUTHLIM reached)"),
    EEPROM_WRITE_ERROR(0x5, "EEPROM write error");

    private final int code;
    private final String meaning;

    Ntag223Nak(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }

    /** The enum for a 4-bit code, or null for a code the table does not list. */
    public static Ntag223Nak of(int code) {
        for (Ntag223Nak n : values()) {
            if (n.code == code) {
                return n;
            }
        }
        return null;
    }
}
