package com.tagline.hardware.ntag424;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * A standard data file's settings (DS §10.7.1 ChangeFileSettings, §10.7.2 GetFileSettings).
 * {@code fileSize} is only carried by GetFileSettings; ChangeFileSettings cannot change it.
 */
public record FileSettings(CommMode commMode, AccessRights accessRights, int fileSize, Optional<SdmSettings> sdm) {
    static final int FILE_TYPE_STANDARD = 0x00;
    static final int OPT_SDM = 0x40;

    public FileSettings {
        sdm = sdm == null ? Optional.empty() : sdm;
    }

    public int fileOption() {
        return (sdm.isPresent() ? OPT_SDM : 0) | commMode.bits();
    }

    /** The ChangeFileSettings body: FileOption ‖ AccessRights ‖ [SDM fields] (DS Table 69). */
    public byte[] encodeForChange() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(fileOption());
        out.writeBytes(accessRights.encode());
        sdm.ifPresent(s -> s.encodeTo(out));
        return out.toByteArray();
    }

    /** The GetFileSettings answer: FileType ‖ FileOption ‖ AccessRights ‖ FileSize(3 LE) ‖ [SDM fields]. */
    public byte[] encodeForGet() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FILE_TYPE_STANDARD);
        out.write(fileOption());
        out.writeBytes(accessRights.encode());
        SdmSettings.le3(out, fileSize);
        sdm.ifPresent(s -> s.encodeTo(out));
        return out.toByteArray();
    }

    /** Decodes a GetFileSettings answer (without status word). */
    public static FileSettings decodeGet(byte[] data) {
        int[] pos = {0};
        int fileType = SdmSettings.u8(data, pos);
        if (fileType != FILE_TYPE_STANDARD) {
            throw new IllegalArgumentException("unsupported file type " + fileType);
        }
        FileSettings s = decodeBody(data, pos, true, -1);
        requireConsumed(data, pos);
        return s;
    }

    /** Decodes a ChangeFileSettings body for a file of the given size; throws on malformed input. */
    public static FileSettings decodeChange(byte[] data, int fileSize) {
        int[] pos = {0};
        FileSettings s = decodeBody(data, pos, false, fileSize);
        requireConsumed(data, pos);
        return s;
    }

    private static FileSettings decodeBody(byte[] data, int[] pos, boolean withSize, int fileSize) {
        int option = SdmSettings.u8(data, pos);
        if ((option & ~(OPT_SDM | 0b11)) != 0) {
            throw new IllegalArgumentException("FileOption RFU bits must be 0");
        }
        int a0 = SdmSettings.u8(data, pos);
        int a1 = SdmSettings.u8(data, pos);
        AccessRights ar = AccessRights.decode((byte) a0, (byte) a1);
        int size = withSize ? SdmSettings.le3(data, pos) : fileSize;
        Optional<SdmSettings> sdm = (option & OPT_SDM) != 0 ? Optional.of(SdmSettings.decode(data, pos))
                : Optional.empty();
        return new FileSettings(CommMode.ofBits(option), ar, size, sdm);
    }

    private static void requireConsumed(byte[] data, int[] pos) {
        if (pos[0] != data.length) {
            throw new IllegalArgumentException(
                    "file settings have " + (data.length - pos[0]) + " unexpected trailing bytes");
        }
    }
}
