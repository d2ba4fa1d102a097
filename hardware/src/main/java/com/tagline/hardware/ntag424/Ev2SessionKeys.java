package com.tagline.hardware.ntag424;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.crypto.AesCmac;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The EV2 (AES) secure-messaging arithmetic shared by the host and the chip simulator
 * (NTAG 424 DNA DS §9.1.7 key derivation, §9.1.4 IVs, §9.1.3 MACs; ntag424.md §3).
 *
 * <p>Immutable. Holds session keys: never log or print an instance (toString is redacted).
 */
public final class Ev2SessionKeys {
    private static final byte[] SV1_PREFIX = {(byte) 0xA5, 0x5A, 0x00, 0x01, 0x00, (byte) 0x80};
    private static final byte[] SV2_PREFIX = {0x5A, (byte) 0xA5, 0x00, 0x01, 0x00, (byte) 0x80};
    private static final byte[] IV_CMD_LABEL = {(byte) 0xA5, 0x5A};
    private static final byte[] IV_RSP_LABEL = {0x5A, (byte) 0xA5};

    private final byte[] encKey;
    private final byte[] macKey;

    public Ev2SessionKeys(byte[] encKey, byte[] macKey) {
        this.encKey = encKey.clone();
        this.macKey = macKey.clone();
    }

    /**
     * SesAuthENCKey = CMAC(Kx, SV1), SesAuthMACKey = CMAC(Kx, SV2) with
     * ctx = RndA[0..1] ‖ (RndA[2..7] XOR RndB[0..5]) ‖ RndB[6..15] ‖ RndA[8..15] (DS §9.1.7).
     */
    public static Ev2SessionKeys derive(byte[] kx, byte[] rndA, byte[] rndB) {
        byte[] ctx = new byte[26];
        ctx[0] = rndA[0];
        ctx[1] = rndA[1];
        for (int i = 0; i < 6; i++) {
            ctx[2 + i] = (byte) (rndA[2 + i] ^ rndB[i]);
        }
        System.arraycopy(rndB, 6, ctx, 8, 10);
        System.arraycopy(rndA, 8, ctx, 18, 8);
        return new Ev2SessionKeys(AesCmac.cmac(kx, concat(SV1_PREFIX, ctx)), AesCmac.cmac(kx, concat(SV2_PREFIX, ctx)));
    }

    public byte[] encKey() {
        return encKey.clone();
    }

    public byte[] macKey() {
        return macKey.clone();
    }

    /** IVc = E(SesAuthENCKey, A5 5A ‖ TI ‖ CmdCtr(LE) ‖ 00×8). */
    public byte[] commandIv(byte[] ti, int cmdCtr) {
        return iv(IV_CMD_LABEL, ti, cmdCtr);
    }

    /** IVr = E(SesAuthENCKey, 5A A5 ‖ TI ‖ CmdCtr+1(LE) ‖ 00×8); pass the already incremented counter. */
    public byte[] responseIv(byte[] ti, int cmdCtr) {
        return iv(IV_RSP_LABEL, ti, cmdCtr);
    }

    private byte[] iv(byte[] label, byte[] ti, int ctr) {
        byte[] in = new byte[16];
        System.arraycopy(label, 0, in, 0, 2);
        System.arraycopy(ti, 0, in, 2, 4);
        in[6] = (byte) ctr;
        in[7] = (byte) (ctr >>> 8);
        return Aes.encryptBlock(encKey, in);
    }

    /** MACt over Cmd ‖ CmdCtr(LE) ‖ TI ‖ CmdHeader ‖ CmdData (data already encrypted in Full mode). */
    public byte[] commandMac(int cmd, int cmdCtr, byte[] ti, byte[] header, byte[] data) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(cmd);
        in.write(cmdCtr);
        in.write(cmdCtr >>> 8);
        in.writeBytes(ti);
        in.writeBytes(header);
        in.writeBytes(data);
        return AesCmac.macT(macKey, in.toByteArray());
    }

    /** MACt over RC ‖ CmdCtr+1(LE) ‖ TI ‖ RespData; pass the already incremented counter. */
    public byte[] responseMac(int rc, int cmdCtr, byte[] ti, byte[] data) {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.write(rc);
        in.write(cmdCtr);
        in.write(cmdCtr >>> 8);
        in.writeBytes(ti);
        in.writeBytes(data);
        return AesCmac.macT(macKey, in.toByteArray());
    }

    public byte[] encrypt(byte[] iv, byte[] padded) {
        return Aes.cbcEncrypt(encKey, iv, padded);
    }

    public byte[] decrypt(byte[] iv, byte[] data) {
        return Aes.cbcDecrypt(encKey, iv, data);
    }

    /** Rotate left by one byte (RndB' / RndA', DS §9.1.5). */
    public static byte[] rotateLeft(byte[] in) {
        byte[] out = Arrays.copyOfRange(in, 1, in.length + 1);
        out[in.length - 1] = in[0];
        return out;
    }

    public static byte[] rotateRight(byte[] in) {
        byte[] out = new byte[in.length];
        out[0] = in[in.length - 1];
        System.arraycopy(in, 0, out, 1, in.length - 1);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "Ev2SessionKeys[redacted]";
    }
}
