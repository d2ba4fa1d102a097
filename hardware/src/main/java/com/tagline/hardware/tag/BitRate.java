package com.tagline.hardware.tag;

/**
 * The ISO/IEC 14443 bit rates fc/128 to fc/16 (ISO/IEC 14443-2 §8.1, §9.1: 106 to 848 kbit/s) with their
 * divisor D and its code: the DSI/DRI value of PPS1 (ISO/IEC 14443-4 §5.3) and the BRit/BRti value of the
 * PN532's InPSL (UM0701-02 §7.3.7; libnfc {@code pn53x.c} sends {@code nbr - 1}, 00 = 106 kbit/s).
 */
public enum BitRate {
    KBPS_106(0, 1),
    KBPS_212(1, 2),
    KBPS_424(2, 4),
    KBPS_848(3, 8);

    private final int code;
    private final int divisor;

    BitRate(int code, int divisor) {
        this.code = code;
        this.divisor = divisor;
    }

    /** DSI/DRI of PPS1 and BRit/BRti of InPSL: 0 (106) to 3 (848). */
    public int code() {
        return code;
    }

    /** D: the bit rate is D × fc/128. */
    public int divisor() {
        return divisor;
    }

    /** The nominal rate in kbit/s as the standards name it (106, 212, 424, 848). */
    public int kbps() {
        return 106 * divisor;
    }

    public static BitRate ofCode(int code) {
        for (BitRate r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("bit rate code must be 0..3, got " + code);
    }

    /** Parses "106", "212", "424" or "848" (kbit/s). */
    public static BitRate ofKbps(int kbps) {
        for (BitRate r : values()) {
            if (r.kbps() == kbps) {
                return r;
            }
        }
        throw new IllegalArgumentException("bit rate must be 106, 212, 424 or 848 kbit/s, got " + kbps);
    }

    @Override
    public String toString() {
        return kbps() + " kbit/s";
    }
}
