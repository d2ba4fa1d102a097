package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.StatusWord;
import java.nio.ByteBuffer;

/**
 * Commands that identify the chip: GetVersion (DS §10.5.2), GetCardUID (DS §10.5.3) and Read_Sig
 * (DS §10.10.1). They work at PICC and application level.
 */
final class IdentityCommands {
    static final int INS_GET_VERSION = 0x60;
    static final int INS_GET_CARD_UID = 0x51;
    static final int INS_READ_SIG = 0x3C;

    private final ChipContext ctx;

    IdentityCommands(ChipContext ctx) {
        this.ctx = ctx;
    }

    /**
     * GetVersion part 1: {@code 90 60 00 00 [MACt] 00}. When authenticated the command carries a MACt and
     * the answer's MACt, appended to the last frame, covers the data of all three frames (DS Table 22 [1]).
     */
    byte[] getVersion(CommandApdu c) {
        byte[] field = ctx.open(c, 0, CommMode.MAC);
        if (field.length != 0) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        PendingFrames.Version frames = new PendingFrames.Version(ctx.identity().versionFrames(), 0);
        return nextFrame(frames);
    }

    /** GetVersion parts 2 and 3: {@code 90 AF 00 00 00}. */
    byte[] additionalFrame(CommandApdu c, PendingFrames.Version pending) {
        if (c.dataLength() != 0) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        return nextFrame(new PendingFrames.Version(pending.frames(), pending.next() + 1));
    }

    private byte[] nextFrame(PendingFrames.Version frames) {
        if (!frames.last()) {
            ctx.pending(frames);
            return ChipContext.withStatus(frames.frame(), StatusWord.ADDITIONAL_FRAME);
        }
        byte[] data = frames.frame();
        CardSession session = ctx.session();
        if (session != null) {
            byte[] mac = session.responseMac(frames.all());
            data = ByteBuffer.allocate(data.length + mac.length).put(data).put(mac).array();
        }
        return ChipContext.withStatus(data, StatusWord.OPERATION_OK);
    }

    /** {@code 90 51 00 00 [MACt] 00}: the UID in CommMode.Full; needs an authentication (DS Table 62). */
    byte[] getCardUid(CommandApdu c) {
        if (!ctx.authenticated()) {
            throw new ChipError(StatusWord.AUTHENTICATION_ERROR);
        }
        byte[] field = ctx.open(c, 0, CommMode.FULL);
        if (field.length != 0) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        return ctx.ok(ctx.identity().uid(), CommMode.FULL);
    }

    /**
     * {@code 90 3C 00 00 01 00 [MACt] 00}: the 56-byte originality signature, CommMode.Full when
     * authenticated (DS Table 22; ntag424.md §9). Address other than 00 is a parameter error.
     */
    byte[] readSig(CommandApdu c) {
        byte[] field = ctx.open(c, 1, CommMode.FULL);
        if (field.length != 1) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        if (field[0] != 0x00) {
            throw new ChipError(StatusWord.PARAMETER_ERROR);
        }
        return ctx.ok(ctx.identity().signature(), CommMode.FULL);
    }
}
