package com.tagline.simulator.ntag424;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;

/**
 * What identifies one simulated chip: the 7-byte UID, the GetVersion frames (DS §10.5.2) and the
 * originality signature Read_Sig returns (DS §10.10.1). Immutable; arrays are copied in and out.
 *
 * @param production the 7 bytes after the UID in GetVersion frame 3: BatchNo(4) ‖ BatchNo/FabKey ‖
 *     FabKey/CWProd ‖ YearProd
 */
record ChipIdentity(byte[] uid, byte[] production, byte[] signature) {
    /** Frame 1: vendor 04, NTAG, 50 pF strong back modulation, HW 30.00, storage 11, protocol 05 (ntag424.md §1). */
    static final byte[] HARDWARE_VERSION = {0x04, 0x04, 0x02, 0x30, 0x00, 0x11, 0x05};
    /** Frame 2: SW 1.2 (real chip, drusifer SUCCESSFUL_PROVISION_FLOW.md). */
    static final byte[] SOFTWARE_VERSION = {0x04, 0x04, 0x02, 0x01, 0x02, 0x11, 0x05};
    /** Batch, fab key, week 33, year 2018 as in AN12196 rev 2.0 §5.5 Table 12 frame 3. */
    static final byte[] DEFAULT_PRODUCTION = HexFormat.of().parseHex("CD65935D402118");

    ChipIdentity {
        if (uid.length != 7) {
            throw new IllegalArgumentException("NTAG 424 DNA UID is 7 bytes, got " + uid.length);
        }
        if (production.length != 7) {
            throw new IllegalArgumentException("production data is 7 bytes (BatchNo..YearProd)");
        }
        if (signature.length != 56) {
            throw new IllegalArgumentException("originality signature is 56 bytes");
        }
        uid = uid.clone();
        production = production.clone();
        signature = signature.clone();
    }

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    @Override
    public byte[] production() {
        return production.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The three GetVersion frames: 7, 7 and 14 bytes. */
    List<byte[]> versionFrames() {
        byte[] third = ByteBuffer.allocate(14).put(uid).put(production).array();
        return List.of(HARDWARE_VERSION.clone(), SOFTWARE_VERSION.clone(), third);
    }
}
