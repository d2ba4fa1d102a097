package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.StatusWord;
import java.util.HexFormat;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A software NTAG 424 DNA (NT4H2421Gx) as an APDU state machine: {@link #process(byte[])} takes one
 * C-APDU and returns the R-APDU (data ‖ SW1 SW2). Strict by default: a wrong MAC, length or parameter
 * gets the status word the datasheet lists, and any error while authenticated ends the authentication
 * and is answered without MAC (DS §9.1.9).
 *
 * <p>Starts in the delivery state of ntag424.md §1 (build one with {@link #builder()}): MF selected, the
 * application D2760000850101 with files 01 (CC), 02 (NDEF) and 03 (proprietary), five zero AES keys with
 * version 00. Supported: ISOSelectFile, ISOReadBinary, ISOUpdateBinary, AuthenticateEV2First (LenCap 0..6),
 * AuthenticateEV2NonFirst, GetVersion, GetCardUID, Read_Sig, GetFileSettings, ChangeFileSettings,
 * GetFileCounters, GetKeyVersion, ChangeKey, ReadData, WriteData. Not simulated: SetConfiguration (answers
 * ILLEGAL_COMMAND_CODE 911C), hence no LRP mode (an LRP request gets the AES fallback answer, DS Table 19)
 * and no Random ID; ISO 14443-4 chaining is below this level (the link carries whole APDUs).
 *
 * <p>Choices where the sources are silent [unknown]: application commands and authentication with
 * application keys at PICC (MF) level answer 919D, so hosts select D2760000850101 first (as AN12196 §5.3
 * does); every ISOSelectFile ends an EV2 authentication (ntag424.md §14/§16); {@code 90 AF} with nothing to
 * continue answers 911C; a command after authentication part 1 answers 91CA (ISO commands 6985);
 * ChangeFileSettings with SDM enabled always resets SDMReadCtr; ReadData whose answer with SM would exceed
 * 256 bytes answers 917E. Failed-authentication numbers: {@link FailedAuthenticationPolicy}.
 *
 * <p>Random draws (one {@code nextBytes} call each, in this order): AuthenticateEV2First part 1 draws RndB
 * (16 bytes) then TI (4 bytes); AuthenticateEV2NonFirst part 1 draws RndB (16 bytes); the first
 * unauthenticated read of an SDM read sequence with encrypted PICCData draws the random padding
 * (16 − 1 − 7 if UID mirrored − 3 if SDMReadCtr mirrored bytes: 5 when both are). The builder draws the six
 * random UID bytes before all of these when no UID is given.
 *
 * <p>Threading: not thread-safe; one reader thread owns a chip. Inspection accessors never reveal keys.
 */
public final class SimulatedNtag424 {
    private static final Logger log = LoggerFactory.getLogger(SimulatedNtag424.class);
    private static final int CLA_NATIVE = 0x90;
    private static final int CLA_ISO = 0x00;
    private static final int INS_ADDITIONAL_FRAME = 0xAF;

    private final ChipContext ctx;
    private final AuthenticationCommands authentication;
    private final IdentityCommands identity;
    private final KeyCommands keys;
    private final FileSettingsCommands fileSettings;
    private final DataCommands data;
    private final IsoCommands iso;

    SimulatedNtag424(ChipContext ctx) {
        this.ctx = ctx;
        this.authentication = new AuthenticationCommands(ctx);
        this.identity = new IdentityCommands(ctx);
        this.keys = new KeyCommands(ctx);
        this.fileSettings = new FileSettingsCommands(ctx);
        this.data = new DataCommands(ctx);
        this.iso = new IsoCommands(ctx);
    }

    /** A builder for a chip in delivery state; see {@link SimulatedNtag424Builder}. */
    public static SimulatedNtag424Builder builder() {
        return new SimulatedNtag424Builder();
    }

    /**
     * Processes one C-APDU and returns the R-APDU. Never throws for malformed input: an APDU whose length
     * bytes do not add up gets 917E (CLA 90) or 6700.
     */
    public byte[] process(byte[] apdu) {
        ctx.beginCommand();
        byte[] response = CommandApdu.parse(apdu).map(this::dispatch).orElseGet(() -> malformed(apdu));
        int sw = (response[response.length - 2] & 0xFF) << 8 | (response[response.length - 1] & 0xFF);
        if (sw != StatusWord.OPERATION_OK.code() && sw != StatusWord.ADDITIONAL_FRAME.code()
                && sw != StatusWord.ISO_OK.code()) {
            ctx.dropAuthentication(); // DS §9.1.9: any error ends the authentication
            ctx.takePending();
        }
        if (log.isDebugEnabled()) {
            log.debug("INS {} -> SW {}", apdu != null && apdu.length > 1 ? String.format("%02X", apdu[1]) : "--",
                    String.format("%04X", sw));
        }
        return response;
    }

    private static byte[] malformed(byte[] apdu) {
        boolean nativeCla = apdu != null && apdu.length > 0 && (apdu[0] & 0xFF) == CLA_NATIVE;
        return (nativeCla ? StatusWord.LENGTH_ERROR : StatusWord.ISO_WRONG_LENGTH).bytes();
    }

    private byte[] dispatch(CommandApdu c) {
        try {
            return switch (c.cla()) {
                case CLA_NATIVE -> dispatchNative(c);
                case CLA_ISO -> dispatchIso(c);
                default -> throw new ChipError(StatusWord.ISO_CLA_NOT_SUPPORTED);
            };
        } catch (ChipError e) {
            return e.status().bytes();
        }
    }

    private byte[] dispatchNative(CommandApdu c) {
        PendingFrames pending = ctx.takePending();
        if (c.ins() == INS_ADDITIONAL_FRAME) {
            if (pending instanceof PendingFrames.Authentication a) {
                return authentication.secondPart(c, a);
            }
            if (pending instanceof PendingFrames.Version v) {
                return identity.additionalFrame(c, v);
            }
            throw new ChipError(StatusWord.ILLEGAL_COMMAND_CODE); // [inferred] nothing to continue
        }
        if (pending != null) {
            // DS §9.1.5 and Table 23: the other command aborts the multi-pass command.
            throw new ChipError(StatusWord.COMMAND_ABORTED);
        }
        return switch (c.ins()) {
            case AuthenticationCommands.INS_FIRST -> authentication.first(c);
            case AuthenticationCommands.INS_NON_FIRST -> authentication.nonFirst(c);
            case IdentityCommands.INS_GET_VERSION -> identity.getVersion(c);
            case IdentityCommands.INS_GET_CARD_UID -> identity.getCardUid(c);
            case IdentityCommands.INS_READ_SIG -> identity.readSig(c);
            case KeyCommands.INS_GET_KEY_VERSION -> keys.getKeyVersion(c);
            case KeyCommands.INS_CHANGE_KEY -> keys.changeKey(c);
            case FileSettingsCommands.INS_GET_FILE_SETTINGS -> fileSettings.getFileSettings(c);
            case FileSettingsCommands.INS_CHANGE_FILE_SETTINGS -> fileSettings.changeFileSettings(c);
            case FileSettingsCommands.INS_GET_FILE_COUNTERS -> fileSettings.getFileCounters(c);
            case DataCommands.INS_READ_DATA -> data.readData(c);
            case DataCommands.INS_WRITE_DATA -> data.writeData(c);
            default -> throw new ChipError(StatusWord.ILLEGAL_COMMAND_CODE);
        };
    }

    private byte[] dispatchIso(CommandApdu c) {
        if (ctx.takePending() != null) {
            // DS Tables 86, 89: "wrapped chained command or multiple pass command ongoing".
            throw new ChipError(StatusWord.ISO_CONDITIONS_OF_USE_NOT_SATISFIED);
        }
        return switch (c.ins()) {
            case IsoCommands.INS_SELECT_FILE -> iso.select(c);
            case IsoCommands.INS_READ_BINARY -> iso.readBinary(c);
            case IsoCommands.INS_UPDATE_BINARY -> iso.updateBinary(c);
            default -> throw new ChipError(StatusWord.ISO_INS_NOT_SUPPORTED);
        };
    }

    /**
     * RF reset (the chip left the field or the reader re-activated it): drops the authentication, pending
     * frames, the selection (back to MF) and the SDM read sequence; keeps files, settings, keys, versions,
     * SDMReadCtr and the failed-authentication counters.
     */
    public void powerCycle() {
        ctx.powerCycle();
    }

    // ---- inspection for tests and tools (never keys) ------------------------------------------------

    public byte[] uid() {
        return ctx.identity().uid();
    }

    public String uidHex() {
        return HexFormat.of().withUpperCase().formatHex(ctx.identity().uid());
    }

    public boolean isAuthenticated() {
        return ctx.authenticated();
    }

    /** The authenticated key number, empty when not authenticated. */
    public OptionalInt authenticatedKey() {
        return ctx.authenticated() ? OptionalInt.of(ctx.session().keyNo()) : OptionalInt.empty();
    }

    /** CmdCtr of the current authentication, empty when not authenticated. */
    public OptionalInt commandCounter() {
        return ctx.authenticated() ? OptionalInt.of(ctx.session().cmdCtr()) : OptionalInt.empty();
    }

    public int keyVersion(int keyNo) {
        checkKeyNo(keyNo);
        return ctx.keys().version(keyNo);
    }

    /** TotFailCtr of one key (DS §9: counted per key). */
    public int totFailCtr(int keyNo) {
        checkKeyNo(keyNo);
        return ctx.keys().totFailCtr(keyNo);
    }

    /** The sum of TotFailCtr over the five keys. */
    public int totFailCtr() {
        int sum = 0;
        for (int k = 0; k < ApplicationKeys.COUNT; k++) {
            sum += ctx.keys().totFailCtr(k);
        }
        return sum;
    }

    public FileSettings fileSettings(int fileNo) {
        return ctx.files().file(fileNo).settings();
    }

    /** The static content of a file (placeholders not replaced). */
    public byte[] fileData(int fileNo) {
        return ctx.files().file(fileNo).content();
    }

    /** SDMReadCtr of the NDEF file 02. */
    public int sdmReadCounter() {
        return ctx.files().file(ApplicationFiles.SDM_FILE).sdmReadCtr();
    }

    /** The originality signature Read_Sig answers. */
    public byte[] originalitySignature() {
        return ctx.identity().signature();
    }

    private static void checkKeyNo(int keyNo) {
        if (!ApplicationKeys.exists(keyNo)) {
            throw new IllegalArgumentException("key number must be 0..4, got " + keyNo);
        }
    }

    @Override
    public String toString() {
        return "SimulatedNtag424[uid=" + uidHex() + ", authenticated=" + ctx.authenticated() + "]";
    }
}
