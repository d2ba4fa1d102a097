package com.tagline.hardware.ntag424;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * Secure Dynamic Messaging part of a file's settings (DS §10.7.1 Table 69; ntag424.md §7). Offsets
 * are absolute file offsets; a field that is absent under the conditional rules is kept as -1.
 *
 * <p>SDMAccessRights nibbles: metaRead (E = plain mirror, 0..4 = PICCData key, F = none),
 * fileRead (0..4 = SDMFileRead key, F = no MAC/ENC), ctrRet (GetFileCounters key, E, F).
 */
public record SdmSettings(
        boolean uidMirror,
        boolean readCtrMirror,
        boolean readCtrLimitEnabled,
        boolean encFileData,
        int metaRead,
        int fileRead,
        int ctrRet,
        int uidOffset,
        int readCtrOffset,
        int piccDataOffset,
        int macInputOffset,
        int encOffset,
        int encLength,
        int macOffset,
        int readCtrLimit) {

    static final int OPT_UID = 0x80;
    static final int OPT_CTR = 0x40;
    static final int OPT_CTR_LIMIT = 0x20;
    static final int OPT_ENC = 0x10;
    static final int OPT_ASCII = 0x01;
    /** SDMReadCtrOffset value meaning "counter enabled but not mirrored" (DS Table 69). */
    public static final int NOT_MIRRORED = 0xFFFFFF;
    public static final int UID_ASCII_LENGTH = 14;
    public static final int READ_CTR_ASCII_LENGTH = 6;
    public static final int PICC_DATA_ASCII_LENGTH = 32;
    public static final int MAC_ASCII_LENGTH = 16;

    public boolean uidOffsetPresent() {
        return uidMirror && metaRead == AccessRights.FREE;
    }

    public boolean readCtrOffsetPresent() {
        return readCtrMirror && metaRead == AccessRights.FREE;
    }

    public boolean piccDataPresent() {
        return metaRead <= 4;
    }

    public boolean macPresent() {
        return fileRead != AccessRights.NEVER;
    }

    public boolean encPresent() {
        return macPresent() && encFileData;
    }

    public int optionsByte() {
        return (uidMirror ? OPT_UID : 0) | (readCtrMirror ? OPT_CTR : 0) | (readCtrLimitEnabled ? OPT_CTR_LIMIT : 0)
                | (encFileData ? OPT_ENC : 0) | OPT_ASCII;
    }

    /** SDMOptions ‖ SDMAccessRights ‖ the present offsets, in the specification's conditional order. */
    void encodeTo(ByteArrayOutputStream out) {
        out.write(optionsByte());
        out.write(0xF0 | ctrRet);
        out.write(metaRead << 4 | fileRead);
        if (uidOffsetPresent()) {
            le3(out, uidOffset);
        }
        if (readCtrOffsetPresent()) {
            le3(out, readCtrOffset);
        }
        if (piccDataPresent()) {
            le3(out, piccDataOffset);
        }
        if (macPresent()) {
            le3(out, macInputOffset);
        }
        if (encPresent()) {
            le3(out, encOffset);
            le3(out, encLength);
        }
        if (macPresent()) {
            le3(out, macOffset);
        }
        if (readCtrLimitEnabled) {
            le3(out, readCtrLimit);
        }
    }

    /** Decodes from {@code data[pos]} on; returns the settings and advances {@code pos[0]}. */
    static SdmSettings decode(byte[] data, int[] pos) {
        int options = u8(data, pos);
        if ((options & OPT_ASCII) == 0) {
            throw new IllegalArgumentException("SDMOptions bit 0 (ASCII encoding) must be set");
        }
        if ((options & 0x0E) != 0) {
            throw new IllegalArgumentException("SDMOptions RFU bits 3-1 must be 0");
        }
        int ar0 = u8(data, pos);
        int ar1 = u8(data, pos);
        if ((ar0 & 0xF0) != 0xF0) {
            throw new IllegalArgumentException("SDMAccessRights RFU nibble must be F");
        }
        boolean uid = (options & OPT_UID) != 0;
        boolean ctr = (options & OPT_CTR) != 0;
        boolean limit = (options & OPT_CTR_LIMIT) != 0;
        boolean enc = (options & OPT_ENC) != 0;
        int metaRead = ar1 >>> 4;
        int fileRead = ar1 & 0xF;
        int ctrRet = ar0 & 0xF;
        boolean plainMeta = metaRead == AccessRights.FREE;
        int uidOff = uid && plainMeta ? le3(data, pos) : -1;
        int ctrOff = ctr && plainMeta ? le3(data, pos) : -1;
        int piccOff = metaRead <= 4 ? le3(data, pos) : -1;
        boolean mac = fileRead != AccessRights.NEVER;
        int macIn = mac ? le3(data, pos) : -1;
        int encOff = mac && enc ? le3(data, pos) : -1;
        int encLen = mac && enc ? le3(data, pos) : -1;
        int macOff = mac ? le3(data, pos) : -1;
        int ctrLimit = limit ? le3(data, pos) : -1;
        return new SdmSettings(uid, ctr, limit, enc, metaRead, fileRead, ctrRet, uidOff, ctrOff, piccOff, macIn,
                encOff, encLen, macOff, ctrLimit);
    }

    /**
     * The rules of DS §10.7.1 Table 71 that make ChangeFileSettings fail with PARAMETER_ERROR: nibble
     * ranges, mirror overlaps, MAC input order, ENC prerequisites, bounds. Empty when valid.
     */
    public Optional<String> violation(int fileSize) {
        if (!validNibble(metaRead) || !validNibble(fileRead) || !validNibble(ctrRet)) {
            return Optional.of("SDM access right nibble out of range");
        }
        if (metaRead != AccessRights.NEVER && !uidMirror && !readCtrMirror) {
            return Optional.of("MetaRead granted but neither UID nor counter mirrored");
        }
        if (metaRead == AccessRights.NEVER && uidMirror) {
            return Optional.of("UID mirroring requires MetaRead other than F");
        }
        if (ctrRet != AccessRights.NEVER && !readCtrMirror) {
            return Optional.of("SDMCtrRet requires the SDM read counter");
        }
        if (readCtrLimitEnabled && !readCtrMirror) {
            return Optional.of("SDMReadCtrLimit requires the SDM read counter");
        }
        if (encFileData && (!macPresent() || !uidMirror || !readCtrMirror)) {
            return Optional.of("SDMENCFileData requires SDMFileRead and both UID and counter mirroring");
        }
        if (encPresent() && (encLength <= 0 || encLength % 32 != 0)) {
            return Optional.of("SDMENCLength must be a positive multiple of 32");
        }
        if (macPresent() && macInputOffset > macOffset) {
            return Optional.of("SDMMACInputOffset beyond SDMMACOffset");
        }
        if (encPresent() && (macOffset < encOffset + encLength || macInputOffset > encOffset)) {
            return Optional.of("SDMENC data must lie inside the MAC input, before the MAC");
        }
        return mirrorsOverlapOrOverflow(fileSize);
    }

    private Optional<String> mirrorsOverlapOrOverflow(int fileSize) {
        int[][] ranges = {
            uidOffsetPresent() ? new int[] {uidOffset, UID_ASCII_LENGTH} : null,
            readCtrOffsetPresent() && readCtrOffset != NOT_MIRRORED ? new int[] {readCtrOffset, READ_CTR_ASCII_LENGTH}
                    : null,
            piccDataPresent() ? new int[] {piccDataOffset, PICC_DATA_ASCII_LENGTH} : null,
            encPresent() ? new int[] {encOffset, encLength} : null,
            macPresent() ? new int[] {macOffset, MAC_ASCII_LENGTH} : null,
        };
        for (int i = 0; i < ranges.length; i++) {
            if (ranges[i] == null) {
                continue;
            }
            if (ranges[i][0] < 0 || ranges[i][0] + ranges[i][1] > fileSize) {
                return Optional.of("SDM mirror at offset " + ranges[i][0] + " exceeds the file size " + fileSize);
            }
            for (int j = i + 1; j < ranges.length; j++) {
                if (ranges[j] != null && ranges[i][0] < ranges[j][0] + ranges[j][1]
                        && ranges[j][0] < ranges[i][0] + ranges[i][1]) {
                    return Optional.of("SDM mirrors overlap at offsets " + ranges[i][0] + " and " + ranges[j][0]);
                }
            }
        }
        if (macPresent() && macInputOffset > fileSize) {
            return Optional.of("SDMMACInputOffset exceeds the file size");
        }
        return Optional.empty();
    }

    private static boolean validNibble(int n) {
        return n <= 4 || n == 0xE || n == 0xF;
    }

    static void le3(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
    }

    static int le3(byte[] d, int[] pos) {
        need(d, pos, 3);
        int p = pos[0];
        pos[0] += 3;
        return (d[p] & 0xFF) | (d[p + 1] & 0xFF) << 8 | (d[p + 2] & 0xFF) << 16;
    }

    static int u8(byte[] d, int[] pos) {
        need(d, pos, 1);
        return d[pos[0]++] & 0xFF;
    }

    private static void need(byte[] d, int[] pos, int n) {
        if (pos[0] + n > d.length) {
            throw new IllegalArgumentException("file settings truncated at byte " + pos[0]);
        }
    }
}
