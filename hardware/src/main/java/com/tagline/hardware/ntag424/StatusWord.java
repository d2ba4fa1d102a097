package com.tagline.hardware.ntag424;

/**
 * NTAG 424 DNA status words with the datasheet's meaning (DS §8.4 / Tables 22–24 and the ISO
 * command error lists; ntag424.md §2.1). Codes the table does not know are kept raw by
 * {@link ChipStatusException}.
 */
public enum StatusWord {
    OPERATION_OK(0x9100, "successful operation"),
    ADDITIONAL_FRAME(0x91AF, "additional data frame is expected"),
    COMMAND_NOT_FOUND(0x910B, "command not found (Read_Sig: Random ID without authentication, or bad MAC)"),
    COMMAND_FORMAT_ERROR(0x910C, "command format error"),
    ILLEGAL_COMMAND_CODE(0x911C, "command code not supported"),
    INTEGRITY_ERROR(0x911E, "CRC or MAC does not match data, or padding bytes not valid"),
    NO_SUCH_KEY(0x9140, "invalid key number specified"),
    LENGTH_ERROR(0x917E, "length of command string invalid"),
    PERMISSION_DENIED(0x919D, "current configuration or status does not allow the requested command"),
    PARAMETER_ERROR(0x919E, "value of the parameter(s) invalid"),
    AUTHENTICATION_DELAY(0x91AD, "currently not allowed to authenticate; keep trying until the full delay is spent"),
    AUTHENTICATION_ERROR(0x91AE, "current authentication status does not allow the requested command"),
    BOUNDARY_ERROR(0x91BE, "attempt to read or write data out of the file's or record's limits"),
    COMMAND_ABORTED(0x91CA, "previous command was not fully completed; chained or multi-pass command ongoing"),
    MEMORY_ERROR(0x91EE, "failure when reading or writing to non-volatile memory"),
    FILE_NOT_FOUND(0x91F0, "specified file number does not exist"),
    ISO_OK(0x9000, "normal processing"),
    ISO_MEMORY_FAILURE(0x6581, "memory failure"),
    ISO_WRONG_LENGTH(0x6700, "wrong length; no further indication"),
    ISO_SECURITY_STATUS_NOT_SATISFIED(0x6982, "security status not satisfied"),
    ISO_CONDITIONS_OF_USE_NOT_SATISFIED(0x6985, "conditions of use not satisfied"),
    ISO_WRONG_DATA(0x6A80, "incorrect parameters in the command data field"),
    ISO_FILE_NOT_FOUND(0x6A82, "file or application not found"),
    ISO_INCORRECT_P1P2(0x6A86, "incorrect parameters P1-P2"),
    ISO_LC_INCONSISTENT(0x6A87, "Lc inconsistent with parameters P1-P2"),
    ISO_WRONG_LE(0x6C00, "wrong Le field"),
    ISO_INS_NOT_SUPPORTED(0x6D00, "instruction code not supported or invalid"),
    ISO_CLA_NOT_SUPPORTED(0x6E00, "class not supported");

    private final int code;
    private final String meaning;

    StatusWord(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public int sw1() {
        return code >>> 8;
    }

    public int sw2() {
        return code & 0xFF;
    }

    public String meaning() {
        return meaning;
    }

    public boolean isSuccess() {
        return this == OPERATION_OK || this == ISO_OK;
    }

    /** The enum for a code, or null when the specification's table does not list it. */
    public static StatusWord of(int code) {
        for (StatusWord sw : values()) {
            if (sw.code == code) {
                return sw;
            }
        }
        if ((code & 0xFF00) == 0x6C00) {
            return ISO_WRONG_LE;
        }
        return null;
    }

    /** The two trailer bytes of an R-APDU. */
    public byte[] bytes() {
        return new byte[] {(byte) sw1(), (byte) sw2()};
    }
}
