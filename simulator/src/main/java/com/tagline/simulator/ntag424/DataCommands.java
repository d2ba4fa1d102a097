package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.StatusWord;
import java.util.Arrays;

/**
 * ReadData (DS §10.8.1) and WriteData (DS §10.8.2): {@code 90 AD|8D 00 00 Lc FileNo Offset(3) Length(3)
 * [Data] [MACt] 00}, offsets and lengths LSB first.
 *
 * <p>CommMode: the file's CommMode when the authenticated key holds the Read/Write or ReadWrite right;
 * CommMode.Plain when that right is free (E); otherwise AUTHENTICATION_ERROR, or PERMISSION_DENIED when
 * every right involved is F (DS Tables 80, 83). An unauthenticated read of a file with SDM enabled and
 * SDMFileRead ≠ F is allowed in plain and returns the SDM view (DS §9.3, Table 80).
 */
final class DataCommands {
    static final int INS_READ_DATA = 0xAD;
    static final int INS_WRITE_DATA = 0x8D;
    private static final int HEADER_LENGTH = 7;
    /** DS Table 79: up to 256 bytes of response data including secure messaging (short Le). */
    private static final int MAX_RESPONSE = 256;

    private final ChipContext ctx;

    DataCommands(ChipContext ctx) {
        this.ctx = ctx;
    }

    /** ReadData; Length 000000 reads to the end of the file. */
    byte[] readData(CommandApdu c) {
        Header h = header(c);
        CommMode mode = readMode(h.file());
        byte[] field = ctx.open(c, HEADER_LENGTH, mode);
        if (field.length != HEADER_LENGTH) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        int size = h.file().size();
        int length = h.length() == 0 ? size - h.offset() : h.length();
        if (h.offset() >= size || h.offset() + length > size) {
            throw new ChipError(StatusWord.BOUNDARY_ERROR);
        }
        if (length + CardSession.overhead(length, ctx.authenticated() ? mode : CommMode.PLAIN) > MAX_RESPONSE) {
            throw new ChipError(StatusWord.LENGTH_ERROR); // [inferred] the answer would not fit a short Le
        }
        byte[] view = ctx.authenticated() ? h.file().content()
                : SdmReadout.unauthenticatedView(ctx, h.file(), SdmReadout.ReadKind.READ_DATA,
                        StatusWord.PERMISSION_DENIED, StatusWord.INTEGRITY_ERROR);
        return ctx.ok(Arrays.copyOfRange(view, h.offset(), h.offset() + length), mode);
    }

    /** WriteData: one APDU, applied all at once (single-frame writes are atomic, DS §10.8.2). */
    byte[] writeData(CommandApdu c) {
        Header h = header(c);
        CommMode mode = writeMode(h.file());
        byte[] field = ctx.open(c, HEADER_LENGTH, mode);
        byte[] data = Arrays.copyOfRange(field, HEADER_LENGTH, field.length);
        if (h.length() == 0) {
            throw new ChipError(StatusWord.PARAMETER_ERROR);
        }
        if (data.length != h.length()) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        if (h.offset() >= h.file().size() || h.offset() + h.length() > h.file().size()) {
            throw new ChipError(StatusWord.BOUNDARY_ERROR);
        }
        h.file().write(h.offset(), data);
        return ctx.ok(ChipContext.NO_DATA, mode);
    }

    private record Header(StandardDataFile file, int offset, int length) {}

    private Header header(CommandApdu c) {
        ctx.requireApplication();
        byte[] d = c.data();
        if (d.length < HEADER_LENGTH) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        StandardDataFile file = ctx.files().byNumber(d[0] & 0xFF)
                .orElseThrow(() -> new ChipError(StatusWord.FILE_NOT_FOUND));
        return new Header(file, le3(d, 1), le3(d, 4));
    }

    private CommMode readMode(StandardDataFile file) {
        AccessRights ar = file.rights();
        boolean sdmRead = file.sdm().map(s -> s.fileRead() != AccessRights.NEVER).orElse(false);
        if (!ctx.authenticated() && sdmRead) {
            return CommMode.PLAIN;
        }
        return mode(file, ar.read(), ar.readWrite(), sdmRead);
    }

    private CommMode writeMode(StandardDataFile file) {
        AccessRights ar = file.rights();
        return mode(file, ar.write(), ar.readWrite(), false);
    }

    private CommMode mode(StandardDataFile file, int right, int readWrite, boolean otherRight) {
        if (ctx.authenticated()) {
            int key = ctx.session().keyNo();
            if (right == key || readWrite == key) {
                return file.settings().commMode();
            }
        }
        if (right == AccessRights.FREE || readWrite == AccessRights.FREE) {
            return CommMode.PLAIN;
        }
        if (right == AccessRights.NEVER && readWrite == AccessRights.NEVER && !otherRight) {
            throw new ChipError(StatusWord.PERMISSION_DENIED);
        }
        throw new ChipError(StatusWord.AUTHENTICATION_ERROR);
    }

    static int le3(byte[] d, int pos) {
        return (d[pos] & 0xFF) | (d[pos + 1] & 0xFF) << 8 | (d[pos + 2] & 0xFF) << 16;
    }
}
