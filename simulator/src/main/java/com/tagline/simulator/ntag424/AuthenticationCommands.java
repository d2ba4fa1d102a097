package com.tagline.simulator.ntag424;

import com.tagline.hardware.crypto.Aes;
import com.tagline.hardware.ntag424.Ev2SessionKeys;
import com.tagline.hardware.ntag424.StatusWord;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * AuthenticateEV2First and AuthenticateEV2NonFirst, card side (DS §9.1.5, §9.1.6, §10.4.1, §10.4.2;
 * ntag424.md §3.1). Part 1 answers E(Kx, RndB) with 91AF; part 2 ({@code 90 AF}) checks RndB' and
 * answers E(Kx, TI ‖ RndA' ‖ PDcap2 ‖ PCDcap2) (First) or E(Kx, RndA') (NonFirst).
 *
 * <p>Random draws, in this order: First part 1 draws RndB (16 bytes) then TI (4 bytes) (DS §9.1.5: the
 * PICC generates RndB and TI on part 1); NonFirst part 1 draws RndB (16 bytes).
 *
 * <p>State rules: AuthenticateEV2First ends any current authentication when it arrives [inferred: DS §9.1.5
 * starts a new transaction]; AuthenticateEV2NonFirst needs one (else 919D, DS Table 33) and suspends it
 * until part 2 succeeds, keeping TI and CmdCtr; any failure or interruption leaves the chip not
 * authenticated (DS §9.1.5/§9.1.6). Failed part 2 counts against the key ({@link FailedAuthenticationPolicy}).
 */
final class AuthenticationCommands {
    static final int INS_FIRST = 0x71;
    static final int INS_NON_FIRST = 0x77;
    /** PDcap2 of an AES-mode chip as delivered: six 00 bytes (AN12196 §5.6 T14 decrypted part 2). */
    private static final byte[] PD_CAP2 = new byte[6];
    private static final int MAX_LEN_CAP = 6;

    private final ChipContext ctx;

    AuthenticationCommands(ChipContext ctx) {
        this.ctx = ctx;
    }

    /** {@code 90 71 00 00 Lc KeyNo LenCap [PCDcap2] 00} (DS Table 25). */
    byte[] first(CommandApdu c) {
        ctx.dropAuthentication();
        byte[] d = c.data();
        if (d.length < 2) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        int lenCap = d[1] & 0xFF;
        if (lenCap > MAX_LEN_CAP) {
            throw new ChipError(StatusWord.PARAMETER_ERROR);
        }
        if (d.length != 2 + lenCap) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        int keyNo = checkKey(d[0]);
        byte[] rndB = ctx.draw(16);
        byte[] ti = ctx.draw(4);
        // DS §9.1.5: PCDcap2 is echoed truncated or zero-padded to 6 bytes.
        byte[] pcdCap2 = Arrays.copyOf(Arrays.copyOfRange(d, 2, d.length), 6);
        ctx.pending(new PendingFrames.Authentication(true, keyNo, rndB, ti, 0, pcdCap2));
        return challenge(keyNo, rndB);
    }

    /** {@code 90 77 00 00 01 KeyNo 00} (DS Table 31). */
    byte[] nonFirst(CommandApdu c) {
        byte[] d = c.data();
        if (d.length != 1) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        CardSession current = ctx.session();
        if (current == null) {
            throw new ChipError(StatusWord.PERMISSION_DENIED);
        }
        int keyNo = checkKey(d[0]);
        byte[] rndB = ctx.draw(16);
        ctx.dropAuthentication();
        ctx.pending(new PendingFrames.Authentication(false, keyNo, rndB, current.ti(), current.cmdCtr(),
                ChipContext.NO_DATA));
        return challenge(keyNo, rndB);
    }

    private int checkKey(byte keyNoByte) {
        ctx.requireApplication(); // DS §9.2.5: at PICC level only the OriginalityKeys exist (LRP only)
        int keyNo = keyNoByte & 0xFF;
        if ((keyNo & 0xC0) != 0) {
            throw new ChipError(StatusWord.PARAMETER_ERROR); // bits 7-6 RFU
        }
        if (!ApplicationKeys.exists(keyNo)) {
            throw new ChipError(StatusWord.NO_SUCH_KEY);
        }
        if (ctx.keys().blocked(keyNo)) {
            throw new ChipError(StatusWord.PERMISSION_DENIED);
        }
        if (ctx.keys().delayed(keyNo, ctx.clock().instant())) {
            throw new ChipError(StatusWord.AUTHENTICATION_DELAY);
        }
        return keyNo;
    }

    private byte[] challenge(int keyNo, byte[] rndB) {
        byte[] encrypted = Aes.cbcEncryptZeroIv(ctx.keys().key(keyNo), rndB);
        return ChipContext.withStatus(encrypted, StatusWord.ADDITIONAL_FRAME);
    }

    /** {@code 90 AF 00 00 20 E(Kx, RndA ‖ RndB') 00} (DS Tables 28, 34). */
    byte[] secondPart(CommandApdu c, PendingFrames.Authentication p) {
        byte[] d = c.data();
        if (d.length != 32) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        byte[] key = ctx.keys().key(p.keyNo());
        byte[] plain = Aes.cbcDecryptZeroIv(key, d);
        byte[] rndA = Arrays.copyOfRange(plain, 0, 16);
        byte[] rndBPrime = Arrays.copyOfRange(plain, 16, 32);
        if (!MessageDigest.isEqual(rndBPrime, Ev2SessionKeys.rotateLeft(p.rndB()))) {
            ctx.keys().recordFailure(p.keyNo(), ctx.clock().instant());
            throw new ChipError(StatusWord.AUTHENTICATION_ERROR);
        }
        ctx.keys().recordSuccess(p.keyNo());
        Ev2SessionKeys keys = Ev2SessionKeys.derive(key, rndA, p.rndB());
        byte[] rndAPrime = Ev2SessionKeys.rotateLeft(rndA);
        byte[] answer;
        if (p.first()) {
            ctx.session(new CardSession(keys, p.ti(), p.keyNo(), 0));
            answer = ByteBuffer.allocate(32).put(p.ti()).put(rndAPrime).put(PD_CAP2).put(p.pcdCap2()).array();
        } else {
            ctx.session(new CardSession(keys, p.ti(), p.keyNo(), p.cmdCtr()));
            answer = rndAPrime;
        }
        return ChipContext.withStatus(Aes.cbcEncryptZeroIv(key, answer), StatusWord.OPERATION_OK);
    }
}
