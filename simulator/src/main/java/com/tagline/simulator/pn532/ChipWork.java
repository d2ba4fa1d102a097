package com.tagline.simulator.pn532;

/**
 * What a chip has to do for one command, as far as time goes: read, AES work and EEPROM bytes written. Read
 * from the command bytes alone (the timing model does not look inside the chip), so an approximation:
 * <ul>
 *   <li>NTAG 424 DNA APDUs (NT4H2421Gx §10): AuthenticateEV2First/NonFirst part 1 (71, 77) is one AES step;
 *       part 2 (AF with 32 bytes) two, plus the failed-authentication counter update (§10.4.1, TotFailCtr)
 *       [inferred]; ChangeKey (C4) writes key and version, ChangeFileSettings (5F) and SetConfiguration (5C)
 *       their settings, each under secure messaging; WriteData (8D) and ISOUpdateBinary (D6) write their data;
 *       an unauthenticated ReadData of file 02 or ISOReadBinary by SFI 02 is an SDM read: PICCData encryption,
 *       SDMMAC and the SDMReadCtr increment (§9.3) [inferred: SDM is on, as on every personalized chip]; any
 *       other command carrying 8 or more data bytes carries a MAC (§9.1.3) and costs one AES step;</li>
 *   <li>Type 2 frames (NFC Forum T2T, ntag223.md §4): WRITE (A2) and the data frame of COMPATIBILITY_WRITE
 *       (16 bytes) program one page; everything else reads.</li>
 * </ul>
 *
 * @param read the command is decoded and answered (always true but for an activation)
 * @param aesSteps AES operations beyond the plain answer
 * @param eepromBytes bytes written to EEPROM (0 for a pure read)
 * @param type2Write a Type 2 page program
 */
record ChipWork(boolean read, int aesSteps, int eepromBytes, boolean type2Write) {
    private static final int CLA_ISO = 0x00;
    private static final int CLA_NATIVE = 0x90;
    private static final int MAC_LENGTH = 8;
    private static final int FILE_HEADER = 7;
    private static final int NDEF_FILE = 0x02;
    private static final int SFI_BIT = 0x80;
    private static final int KEY_DATA = 17;
    private static final int COUNTER_BYTES = 3;
    private static final int COMPATIBILITY_WRITE_DATA = 16;

    static ChipWork ofApdu(byte[] apdu) {
        if (apdu.length < 4) {
            return reading(0);
        }
        int cla = apdu[0] & 0xFF;
        int ins = apdu[1] & 0xFF;
        int lc = apdu.length > 5 ? apdu[4] & 0xFF : 0;
        if (cla == CLA_ISO) {
            return iso(ins, apdu, lc);
        }
        if (cla != CLA_NATIVE) {
            return reading(0);
        }
        return switch (ins) {
            case 0x71, 0x77 -> reading(1);
            case 0xAF -> lc == 32 ? new ChipWork(true, 2, COUNTER_BYTES, false) : reading(0);
            case 0xC4 -> new ChipWork(true, 1, KEY_DATA, false);
            case 0x5F, 0x5C -> new ChipWork(true, 1, Math.max(1, lc - 1 - MAC_LENGTH), false);
            case 0x8D -> new ChipWork(true, 0, Math.max(1, lc - FILE_HEADER), false);
            case 0xAD -> lc == FILE_HEADER && (apdu[5] & 0xFF) == NDEF_FILE ? sdmRead() : reading(lc > FILE_HEADER ? 1 : 0);
            default -> reading(lc >= MAC_LENGTH ? 1 : 0);
        };
    }

    private static ChipWork iso(int ins, byte[] apdu, int lc) {
        if (ins == 0xD6) {
            return new ChipWork(true, 0, Math.max(1, lc), false);
        }
        int p1 = apdu[2] & 0xFF;
        if (ins == 0xB0 && (p1 & SFI_BIT) != 0 && (p1 & 0x1F) == NDEF_FILE) {
            return sdmRead();
        }
        return reading(0);
    }

    static ChipWork ofType2(byte[] frame) {
        boolean write = frame.length == 6 && (frame[0] & 0xFF) == 0xA2 || frame.length == COMPATIBILITY_WRITE_DATA;
        return new ChipWork(true, 0, 0, write);
    }

    private static ChipWork sdmRead() {
        return new ChipWork(true, 2, COUNTER_BYTES, false);
    }

    private static ChipWork reading(int aesSteps) {
        return new ChipWork(true, aesSteps, 0, false);
    }
}
