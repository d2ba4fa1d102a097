package com.tagline.hardware.ntag424;

import java.util.Arrays;

/**
 * C-APDU builders and R-APDU parsing for NTAG 424 DNA (DS §8.4 Tables 22–24): native commands are
 * wrapped as {@code 90 INS 00 00 Lc data 00}; ISO commands use CLA 00.
 */
final class Apdu {
    static final int CLA_NATIVE = 0x90;
    static final int CLA_ISO = 0x00;
    static final int MAX_LC = 255;

    private Apdu() {}

    /** ISO/IEC 7816-4 wrapping of a native command (DS §8.4.2). */
    static byte[] nativeCommand(int ins, byte[] data) {
        if (data.length > MAX_LC) {
            throw new IllegalArgumentException("command data of " + data.length + " bytes exceeds Lc 255");
        }
        if (data.length == 0) {
            return new byte[] {(byte) CLA_NATIVE, (byte) ins, 0, 0, 0};
        }
        byte[] apdu = new byte[data.length + 6];
        apdu[0] = (byte) CLA_NATIVE;
        apdu[1] = (byte) ins;
        apdu[4] = (byte) data.length;
        System.arraycopy(data, 0, apdu, 5, data.length);
        return apdu;
    }

    /** An ISO command: CLA INS P1 P2 [Lc data] [Le]; {@code le} &lt; 0 means absent, 0 means 256. */
    static byte[] isoCommand(int ins, int p1, int p2, byte[] data, int le) {
        if (data.length > MAX_LC) {
            throw new IllegalArgumentException("ISO command data of " + data.length + " bytes exceeds Lc 255");
        }
        int len = 4 + (data.length > 0 ? 1 + data.length : 0) + (le >= 0 ? 1 : 0);
        byte[] apdu = new byte[len];
        apdu[0] = CLA_ISO;
        apdu[1] = (byte) ins;
        apdu[2] = (byte) p1;
        apdu[3] = (byte) p2;
        int pos = 4;
        if (data.length > 0) {
            apdu[pos++] = (byte) data.length;
            System.arraycopy(data, 0, apdu, pos, data.length);
            pos += data.length;
        }
        if (le >= 0) {
            apdu[pos] = (byte) le;
        }
        return apdu;
    }

    /** A parsed R-APDU: body and status word. */
    record Response(byte[] data, int sw) {
        static Response parse(byte[] rapdu) {
            if (rapdu == null || rapdu.length < 2) {
                throw new com.tagline.hardware.TaglineException(
                        "R-APDU of " + (rapdu == null ? 0 : rapdu.length) + " bytes has no status word");
            }
            int sw = (rapdu[rapdu.length - 2] & 0xFF) << 8 | (rapdu[rapdu.length - 1] & 0xFF);
            return new Response(Arrays.copyOf(rapdu, rapdu.length - 2), sw);
        }

        boolean is(StatusWord expected) {
            return sw == expected.code();
        }
    }
}
