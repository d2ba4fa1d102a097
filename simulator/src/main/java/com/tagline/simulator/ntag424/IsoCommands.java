package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.StatusWord;
import java.util.Arrays;

/**
 * The ISO/IEC 7816-4 commands (DS §10.9; CLA 00, always plain): ISOSelectFile, ISOReadBinary and
 * ISOUpdateBinary. Read and update answer 6982 while EV2-authenticated (DS Table 89 "AuthenticatedEV2
 * not allowed"); the dispatcher then drops the authentication like after any error.
 */
final class IsoCommands {
    static final int INS_SELECT_FILE = 0xA4;
    static final int INS_READ_BINARY = 0xB0;
    static final int INS_UPDATE_BINARY = 0xD6;
    static final byte[] MF_DF_NAME = {(byte) 0xD2, 0x76, 0x00, 0x00, (byte) 0x85, 0x01, 0x00};
    static final byte[] APPLICATION_DF_NAME = {(byte) 0xD2, 0x76, 0x00, 0x00, (byte) 0x85, 0x01, 0x01};
    static final int MF_FID = 0x3F00;
    static final int APPLICATION_FID = 0xE110;

    private final ChipContext ctx;

    IsoCommands(ChipContext ctx) {
        this.ctx = ctx;
    }

    /**
     * ISOSelectFile (DS Table 84): P1 00 (MF/DF/EF by FID, empty data = MF), 01 (child DF), 02 (EF under
     * the current DF), 03 (parent), 04 (DF name); P2 00 or 0C, no FCI is ever returned. A failed
     * selection keeps the current one (DS Table 86). Any selection ends an EV2 authentication [unknown,
     * ntag424.md §16; chosen after DESFire and the drusifer trace in ntag424.md §14].
     */
    byte[] select(CommandApdu c) {
        ctx.dropAuthentication();
        if (c.p2() != 0x00 && c.p2() != 0x0C) {
            throw new ChipError(StatusWord.ISO_INCORRECT_P1P2);
        }
        byte[] d = c.data();
        switch (c.p1()) {
            case 0x04 -> selectByName(d);
            case 0x00 -> selectByFid(d, true, true);
            case 0x01 -> selectByFid(d, true, false);
            case 0x02 -> selectByFid(d, false, true);
            case 0x03 -> selectParent(d);
            default -> throw new ChipError(StatusWord.ISO_INCORRECT_P1P2);
        }
        return StatusWord.ISO_OK.bytes();
    }

    private void selectByName(byte[] name) {
        if (name.length == 0 || name.length > 16) {
            throw new ChipError(StatusWord.ISO_LC_INCONSISTENT);
        }
        if (Arrays.equals(name, APPLICATION_DF_NAME)) {
            ctx.select(ChipContext.Level.APPLICATION, null);
        } else if (Arrays.equals(name, MF_DF_NAME)) {
            ctx.select(ChipContext.Level.MF, null);
        } else {
            throw new ChipError(StatusWord.ISO_FILE_NOT_FOUND);
        }
    }

    private void selectByFid(byte[] d, boolean dfAllowed, boolean efAllowed) {
        if (d.length == 0 && dfAllowed && efAllowed) {
            ctx.select(ChipContext.Level.MF, null); // P1 00 with empty data selects the MF
            return;
        }
        if (d.length != 2) {
            throw new ChipError(StatusWord.ISO_LC_INCONSISTENT);
        }
        int fid = (d[0] & 0xFF) << 8 | (d[1] & 0xFF);
        if (dfAllowed && fid == MF_FID && efAllowed) {
            ctx.select(ChipContext.Level.MF, null);
        } else if (dfAllowed && fid == APPLICATION_FID) {
            ctx.select(ChipContext.Level.APPLICATION, null);
        } else if (efAllowed && ctx.level() != ChipContext.Level.MF && ctx.files().byFid(fid).isPresent()) {
            ctx.select(ChipContext.Level.FILE, ctx.files().byFid(fid).get());
        } else {
            throw new ChipError(StatusWord.ISO_FILE_NOT_FOUND);
        }
    }

    private void selectParent(byte[] d) {
        if (d.length != 0) {
            throw new ChipError(StatusWord.ISO_LC_INCONSISTENT);
        }
        switch (ctx.level()) {
            case FILE -> ctx.select(ChipContext.Level.APPLICATION, null);
            case APPLICATION -> ctx.select(ChipContext.Level.MF, null);
            default -> throw new ChipError(StatusWord.ISO_FILE_NOT_FOUND);
        }
    }

    /**
     * ISOReadBinary (DS Table 87): P1 b7=0 → 15-bit offset in the selected EF; b7=1 → SFI in b4..0
     * (mapped to the file number [unknown, ntag424.md §16]), offset P2. Le 00 = up to 256 bytes, and
     * any Le past the end returns the rest of the file. Needs a free Read or ReadWrite right or SDM
     * file read (else 6982); an unauthenticated read of the SDM file returns the SDM view.
     */
    byte[] readBinary(CommandApdu c) {
        requireNotAuthenticated();
        if (!c.hasLe() || c.dataLength() != 0) {
            throw new ChipError(StatusWord.ISO_WRONG_LENGTH);
        }
        Target t = target(c);
        StandardDataFile file = t.file();
        boolean sdmRead = file.sdm().map(s -> s.fileRead() != AccessRights.NEVER).orElse(false);
        if (!free(file.rights().read(), file.rights().readWrite()) && !sdmRead) {
            throw new ChipError(StatusWord.ISO_SECURITY_STATUS_NOT_SATISFIED);
        }
        if (t.offset() >= file.size()) {
            throw new ChipError(StatusWord.ISO_INCORRECT_P1P2);
        }
        int wanted = c.le() == 0 ? 256 : c.le();
        int length = Math.min(wanted, file.size() - t.offset());
        byte[] view = SdmReadout.unauthenticatedView(ctx, file, SdmReadout.ReadKind.ISO_READ_BINARY,
                StatusWord.ISO_SECURITY_STATUS_NOT_SATISFIED, StatusWord.ISO_SECURITY_STATUS_NOT_SATISFIED);
        return ChipContext.withStatus(Arrays.copyOfRange(view, t.offset(), t.offset() + length), StatusWord.ISO_OK);
    }

    /**
     * ISOUpdateBinary: plain write of the selected (or SFI-referenced) EF; needs a free Write or ReadWrite
     * right (else 6982); beyond the file end → 6985 (ntag424.md §2.1).
     */
    byte[] updateBinary(CommandApdu c) {
        requireNotAuthenticated();
        if (c.dataLength() == 0) {
            throw new ChipError(StatusWord.ISO_WRONG_LENGTH);
        }
        Target t = target(c);
        StandardDataFile file = t.file();
        if (!free(file.rights().write(), file.rights().readWrite())) {
            throw new ChipError(StatusWord.ISO_SECURITY_STATUS_NOT_SATISFIED);
        }
        if (t.offset() + c.dataLength() > file.size()) {
            throw new ChipError(StatusWord.ISO_CONDITIONS_OF_USE_NOT_SATISFIED);
        }
        file.write(t.offset(), c.data());
        return StatusWord.ISO_OK.bytes();
    }

    private record Target(StandardDataFile file, int offset) {}

    /** The EF and offset P1/P2 address; an SFI selects the file it names (DS Table 87). */
    private Target target(CommandApdu c) {
        if ((c.p1() & 0x80) == 0) {
            return new Target(selectedFile(), (c.p1() & 0x7F) << 8 | c.p2());
        }
        if ((c.p1() & 0x60) != 0) {
            throw new ChipError(StatusWord.ISO_INCORRECT_P1P2);
        }
        int sfi = c.p1() & 0x1F;
        if (sfi == 0) {
            return new Target(selectedFile(), c.p2());
        }
        if (sfi == 0x1F || ctx.level() == ChipContext.Level.MF) {
            throw new ChipError(sfi == 0x1F ? StatusWord.ISO_INCORRECT_P1P2 : StatusWord.ISO_FILE_NOT_FOUND);
        }
        StandardDataFile file = ctx.files().byNumber(sfi)
                .orElseThrow(() -> new ChipError(StatusWord.ISO_FILE_NOT_FOUND));
        ctx.select(ChipContext.Level.FILE, file);
        return new Target(file, c.p2());
    }

    private StandardDataFile selectedFile() {
        if (ctx.level() != ChipContext.Level.FILE) {
            throw new ChipError(StatusWord.ISO_CONDITIONS_OF_USE_NOT_SATISFIED); // no file selected
        }
        return ctx.selectedFile();
    }

    private void requireNotAuthenticated() {
        if (ctx.authenticated()) {
            throw new ChipError(StatusWord.ISO_SECURITY_STATUS_NOT_SATISFIED);
        }
    }

    private static boolean free(int right, int readWrite) {
        return right == AccessRights.FREE || readWrite == AccessRights.FREE;
    }
}
