package com.tagline.hardware.ntag424.sdm;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.AesCmac;
import java.util.Arrays;

/**
 * Secure Dynamic Messaging cryptography (NTAG 424 DNA DS §9.3; ntag424.md §8), used by the host's
 * SUN verifier and by the chip simulator when it fills the mirrors.
 *
 * <p>Counters are the 24-bit SDMReadCtr as an int; crypto uses it LSB first.
 */
public final class SdmCrypto {
    /** PICCDataTag bit 7: UID mirrored (DS §9.3.4). */
    public static final int TAG_UID = 0x80;
    /** PICCDataTag bit 6: SDMReadCtr mirrored. */
    public static final int TAG_CTR = 0x40;
    private static final byte[] SV1_PREFIX = {(byte) 0xC3, 0x3C, 0x00, 0x01, 0x00, (byte) 0x80};
    private static final byte[] SV2_PREFIX = {0x3C, (byte) 0xC3, 0x00, 0x01, 0x00, (byte) 0x80};

    private SdmCrypto() {}

    /** E(K_meta, IV 0, PICCDataTag ‖ UID ‖ Ctr(LE) ‖ random pad): 16 bytes (DS §9.3.4). */
    public static byte[] encryptPiccData(byte[] metaKey, byte[] uid, Integer ctr, byte[] randomPad) {
        byte[] plain = new byte[16];
        int pos = 0;
        plain[pos++] = (byte) ((uid != null ? TAG_UID | uid.length : 0) | (ctr != null ? TAG_CTR : 0));
        if (uid != null) {
            System.arraycopy(uid, 0, plain, pos, uid.length);
            pos += uid.length;
        }
        if (ctr != null) {
            System.arraycopy(ctrLe(ctr), 0, plain, pos, 3);
            pos += 3;
        }
        System.arraycopy(randomPad, 0, plain, pos, 16 - pos);
        return Aes.cbcEncryptZeroIv(metaKey, plain);
    }

    /** Decrypts PICCData; the caller checks the tag byte. */
    public static PiccData decryptPiccData(byte[] metaKey, byte[] encrypted) {
        if (encrypted.length != 16) {
            throw new IllegalArgumentException("PICCData must be 16 bytes (32 hex characters), got " + encrypted.length);
        }
        byte[] plain = Aes.cbcDecryptZeroIv(metaKey, encrypted);
        int tag = plain[0] & 0xFF;
        int pos = 1;
        byte[] uid = null;
        if ((tag & TAG_UID) != 0) {
            int len = tag & 0x0F;
            if (len != 7) {
                throw new IllegalArgumentException("PICCData names an unsupported UID length " + len
                        + " (usually a wrong meta-read key)");
            }
            uid = Arrays.copyOfRange(plain, pos, pos + len);
            pos += len;
        }
        Integer ctr = null;
        if ((tag & TAG_CTR) != 0) {
            ctr = (plain[pos] & 0xFF) | (plain[pos + 1] & 0xFF) << 8 | (plain[pos + 2] & 0xFF) << 16;
        }
        if ((tag & 0x30) != 0 || (tag & (TAG_UID | TAG_CTR)) == 0) {
            throw new IllegalArgumentException("PICCData tag byte " + String.format("%02X", tag)
                    + " is not valid (usually a wrong meta-read key)");
        }
        return new PiccData(uid, ctr);
    }

    /** KSesSDMFileReadENC = CMAC(K_f, C3 3C 00 01 00 80 ‖ UID ‖ Ctr(LE)) (DS §9.3.9). */
    public static byte[] sessionEncKey(byte[] fileReadKey, byte[] uid, int ctr) {
        return AesCmac.cmac(fileReadKey, sv(SV1_PREFIX, uid, ctr));
    }

    /** KSesSDMFileReadMAC = CMAC(K_f, 3C C3 00 01 00 80 [‖ UID] [‖ Ctr(LE)] ‖ 00-pad to 16) (DS §9.3.9). */
    public static byte[] sessionMacKey(byte[] fileReadKey, byte[] uid, Integer ctr) {
        return AesCmac.cmac(fileReadKey, sv(SV2_PREFIX, uid, ctr));
    }

    private static byte[] sv(byte[] prefix, byte[] uid, Integer ctr) {
        int len = prefix.length + (uid == null ? 0 : uid.length) + (ctr == null ? 0 : 3);
        byte[] sv = new byte[(len + 15) / 16 * 16];
        System.arraycopy(prefix, 0, sv, 0, prefix.length);
        int pos = prefix.length;
        if (uid != null) {
            System.arraycopy(uid, 0, sv, pos, uid.length);
            pos += uid.length;
        }
        if (ctr != null) {
            System.arraycopy(ctrLe(ctr), 0, sv, pos, 3);
        }
        return sv;
    }

    /** SDMMAC = MACt(KSesSDMFileReadMAC, the ASCII bytes between SDMMACInputOffset and SDMMACOffset). */
    public static byte[] sdmMac(byte[] sessionMacKey, byte[] macInput) {
        return AesCmac.macT(sessionMacKey, macInput);
    }

    /** IV for SDMENCFileData = E(KSesSDMFileReadENC, Ctr(LE) ‖ 00×13) (DS §9.3.6). */
    private static byte[] encIv(byte[] sessionEncKey, int ctr) {
        byte[] in = new byte[16];
        System.arraycopy(ctrLe(ctr), 0, in, 0, 3);
        return Aes.encryptBlock(sessionEncKey, in);
    }

    public static byte[] encryptFileData(byte[] sessionEncKey, int ctr, byte[] plain) {
        return Aes.cbcEncrypt(sessionEncKey, encIv(sessionEncKey, ctr), plain);
    }

    public static byte[] decryptFileData(byte[] sessionEncKey, int ctr, byte[] cipher) {
        return Aes.cbcDecrypt(sessionEncKey, encIv(sessionEncKey, ctr), cipher);
    }

    public static byte[] ctrLe(int ctr) {
        return new byte[] {(byte) ctr, (byte) (ctr >>> 8), (byte) (ctr >>> 16)};
    }
}
