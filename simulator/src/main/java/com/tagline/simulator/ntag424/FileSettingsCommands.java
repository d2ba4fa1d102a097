package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.SdmSettings;
import com.tagline.hardware.ntag424.StatusWord;
import com.tagline.hardware.ntag424.sdm.SdmCrypto;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/** GetFileSettings (DS §10.7.2), ChangeFileSettings (DS §10.7.1) and GetFileCounters (DS §10.7.3). */
final class FileSettingsCommands {
    static final int INS_GET_FILE_SETTINGS = 0xF5;
    static final int INS_CHANGE_FILE_SETTINGS = 0x5F;
    static final int INS_GET_FILE_COUNTERS = 0xF6;

    private final ChipContext ctx;

    FileSettingsCommands(ChipContext ctx) {
        this.ctx = ctx;
    }

    /** {@code 90 F5 00 00 01 FileNo [MACt] 00}: the settings, CommMode.MAC when authenticated. */
    byte[] getFileSettings(CommandApdu c) {
        ctx.requireApplication();
        byte[] field = ctx.open(c, 1, CommMode.MAC);
        if (field.length != 1) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        return ctx.ok(file(field[0]).settings().encodeForGet(), CommMode.MAC);
    }

    /**
     * {@code 90 5F 00 00 Lc FileNo E(settings) MACt 00}: CommMode.Full with the key of the Change right,
     * plain when that right is free (DS §10.7.1). Errors per DS Table 71: Change right F → 919D, not
     * granted → 91AE, malformed body → 917E, bad access-right key or SDM layout → 919E, SDM on a file
     * other than 02 → 919D. Settings with SDM enabled reset SDMReadCtr to 0 (DS §9.3.1).
     */
    byte[] changeFileSettings(CommandApdu c) {
        ctx.requireApplication();
        if (c.dataLength() < 1) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        StandardDataFile file = file(c.data()[0]);
        CommMode mode = grantedMode(file.rights().change(), CommMode.FULL);
        byte[] field = ctx.open(c, 1, mode);
        byte[] body = Arrays.copyOfRange(field, 1, field.length);
        if (body.length >= 3 && !validAccessRights(body[1], body[2])) {
            throw new ChipError(StatusWord.PARAMETER_ERROR);
        }
        FileSettings settings;
        try {
            settings = FileSettings.decodeChange(body, file.size());
        } catch (IllegalArgumentException e) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        Optional<SdmSettings> sdm = settings.sdm();
        if (sdm.isPresent()) {
            if (file.fileNo() != ApplicationFiles.SDM_FILE) {
                throw new ChipError(StatusWord.PERMISSION_DENIED);
            }
            if (sdm.get().violation(file.size()).isPresent()
                    || sdm.get().readCtrLimitEnabled() && sdm.get().readCtrLimit() <= 0) {
                throw new ChipError(StatusWord.PARAMETER_ERROR);
            }
        }
        file.settings(settings);
        if (sdm.isPresent()) {
            file.sdmReadCtr(0);
        }
        return ctx.ok(ChipContext.NO_DATA, mode);
    }

    /**
     * {@code 90 F6 00 00 01 FileNo [MACt] 00}: SDMReadCtr (3 bytes LSB first) ‖ 0000, CommMode.Full with
     * the SDMCtrRet key, plain when SDMCtrRet is free. No SDM or SDMCtrRet F → 919D (DS Table 77).
     */
    byte[] getFileCounters(CommandApdu c) {
        ctx.requireApplication();
        if (c.dataLength() < 1) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        StandardDataFile file = file(c.data()[0]);
        SdmSettings sdm = file.sdm().orElseThrow(() -> new ChipError(StatusWord.PERMISSION_DENIED));
        CommMode mode = grantedMode(sdm.ctrRet(), CommMode.FULL);
        byte[] field = ctx.open(c, 1, mode);
        if (field.length != 1) {
            throw new ChipError(StatusWord.LENGTH_ERROR);
        }
        byte[] answer = ByteBuffer.allocate(5).put(SdmCrypto.ctrLe(file.sdmReadCtr())).put(new byte[2]).array();
        return ctx.ok(answer, mode);
    }

    /**
     * The mode a command guarded by one access-right nibble runs in: plain when free, {@code keyMode}
     * when the authenticated key matches; F → PERMISSION_DENIED, otherwise AUTHENTICATION_ERROR.
     */
    private CommMode grantedMode(int right, CommMode keyMode) {
        if (right == AccessRights.FREE) {
            return CommMode.PLAIN;
        }
        if (right == AccessRights.NEVER) {
            throw new ChipError(StatusWord.PERMISSION_DENIED);
        }
        if (!ctx.authenticated() || ctx.session().keyNo() != right) {
            throw new ChipError(StatusWord.AUTHENTICATION_ERROR);
        }
        return keyMode;
    }

    /** Each AccessRights nibble must be a key 0..4, E or F (DS Table 71: "targeted key ... does not exist"). */
    private static boolean validAccessRights(byte b0, byte b1) {
        int[] nibbles = {(b0 >>> 4) & 0xF, b0 & 0xF, (b1 >>> 4) & 0xF, b1 & 0xF};
        return Arrays.stream(nibbles).allMatch(n -> n <= 4 || n >= AccessRights.FREE);
    }

    private StandardDataFile file(byte fileNo) {
        return ctx.files().byNumber(fileNo & 0xFF).orElseThrow(() -> new ChipError(StatusWord.FILE_NOT_FOUND));
    }
}
