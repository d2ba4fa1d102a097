package com.tagline.hardware.ntag424;

import com.tagline.hardware.tag.TagLink;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host protocol of one NTAG 424 DNA in the field (DS §10), over an APDU {@link TagLink}. Keeps the
 * EV2 session: every native command is wrapped in the CommMode the datasheet gives it when
 * authenticated, and the session is dropped after any error (DS §9.1.9).
 *
 * <p>Threading: single-threaded, owned by the reader thread. Failures: {@link ChipStatusException}
 * (the chip's status word), {@link SecureMessagingException} (host-side check failed),
 * {@link com.tagline.hardware.tag.TagLostException}; after any of them no session is active.
 */
public final class Ntag424 {
    public static final byte[] APPLICATION_DF_NAME = {(byte) 0xD2, 0x76, 0x00, 0x00, (byte) 0x85, 0x01, 0x01};
    public static final int FID_CC = 0xE103;
    public static final int FID_NDEF = 0xE104;
    public static final int FILE_CC = 1;
    public static final int FILE_NDEF = 2;
    public static final int FILE_PROPRIETARY = 3;
    public static final int KEY_COUNT = 5;

    static final int INS_GET_VERSION = 0x60;
    static final int INS_ADDITIONAL_FRAME = 0xAF;
    static final int INS_READ_SIG = 0x3C;
    static final int INS_GET_FILE_SETTINGS = 0xF5;
    static final int INS_GET_KEY_VERSION = 0x64;
    static final int INS_GET_CARD_UID = 0x51;
    static final int INS_READ_DATA = 0xAD;
    static final int INS_WRITE_DATA = 0x8D;
    static final int INS_CHANGE_FILE_SETTINGS = 0x5F;
    static final int INS_CHANGE_KEY = 0xC4;
    static final int INS_ISO_SELECT = 0xA4;
    static final int INS_ISO_READ_BINARY = 0xB0;
    static final int INS_ISO_UPDATE_BINARY = 0xD6;

    private static final Logger log = LoggerFactory.getLogger(Ntag424.class);

    private final TagLink link;
    private final Ev2Authenticator authenticator;
    private Ev2Session session;

    public Ntag424(TagLink link) {
        this.link = link;
        this.authenticator = new Ev2Authenticator(this);
    }

    /** Tests replaying published transcripts fix RndA. */
    Ntag424(TagLink link, java.util.function.Supplier<byte[]> rndA) {
        this(link);
        authenticator.rndASource(rndA);
    }

    public TagLink link() {
        return link;
    }

    public boolean isAuthenticated() {
        return session != null;
    }

    /** The authenticated key number, or -1. */
    public int authenticatedKey() {
        return session == null ? -1 : session.keyNo();
    }

    /** Tests replaying a published transcript from its middle install the session state it starts with. */
    void useSession(Ev2SessionKeys keys, byte[] ti, int keyNo, int cmdCtr) {
        session = new Ev2Session(keys, ti, keyNo, cmdCtr);
    }

    /** Forgets the session (after a tear, a field reset or a deliberate logout). */
    public void dropSession() {
        session = null;
    }

    // ---- authentication (DS §10.4) -------------------------------------------------------------

    /** AuthenticateEV2First with key {@code keyNo}: new TI, CmdCtr 0. */
    public void authenticateEv2First(int keyNo, byte[] key) {
        session = null;
        session = authenticator.first(keyNo, key);
        log.debug("AuthenticateEV2First key {} ok", keyNo);
    }

    /** AuthenticateEV2NonFirst with key {@code keyNo}: keeps TI and CmdCtr. Requires a session. */
    public void authenticateEv2NonFirst(int keyNo, byte[] key) {
        Ev2Session current = requireSession("AuthenticateEV2NonFirst");
        session = null;
        session = authenticator.nonFirst(current, keyNo, key);
        log.debug("AuthenticateEV2NonFirst key {} ok", keyNo);
    }

    // ---- ISO commands (DS §10.9); plain, and refused by the chip while authenticated -------------

    public void isoSelectApplication() {
        isoExchange("ISOSelectFile", Apdu.isoCommand(INS_ISO_SELECT, 0x04, 0x0C, APPLICATION_DF_NAME, 0));
    }

    public void isoSelectFile(int fid) {
        byte[] id = {(byte) (fid >>> 8), (byte) fid};
        isoExchange("ISOSelectFile", Apdu.isoCommand(INS_ISO_SELECT, 0x00, 0x0C, id, -1));
    }

    /** ISOReadBinary of the selected file; {@code length} 1..256 (256 sent as Le 00). */
    public byte[] isoReadBinary(int offset, int length) {
        checkIsoOffset(offset);
        if (length < 1 || length > 256) {
            throw new IllegalArgumentException("ISOReadBinary length must be 1..256");
        }
        return isoExchange("ISOReadBinary",
                Apdu.isoCommand(INS_ISO_READ_BINARY, offset >>> 8, offset & 0xFF, new byte[0], length & 0xFF));
    }

    /** ISOUpdateBinary of the selected file, one single-frame (atomic) write. */
    public void isoUpdateBinary(int offset, byte[] data) {
        checkIsoOffset(offset);
        isoExchange("ISOUpdateBinary", Apdu.isoCommand(INS_ISO_UPDATE_BINARY, offset >>> 8, offset & 0xFF, data, -1));
    }

    private static void checkIsoOffset(int offset) {
        if (offset < 0 || offset > 0x7FFF) {
            throw new IllegalArgumentException("ISO offset must be 0..32767");
        }
    }

    private byte[] isoExchange(String name, byte[] apdu) {
        if (session != null) {
            // DS Tables 89/92: ISO file I/O answers 6982 while EV2-authenticated; refuse before the chip does.
            throw new IllegalStateException(name + " is refused while authenticated; do ISO file I/O first");
        }
        Apdu.Response r = Apdu.Response.parse(transceive(apdu));
        if (!r.is(StatusWord.ISO_OK)) {
            throw new ChipStatusException(name, r.sw());
        }
        return r.data();
    }

    // ---- native commands (DS §10.5-10.8) ---------------------------------------------------------

    /** GetVersion, all three frames (DS §10.5.2); MAC mode over the whole answer when authenticated. */
    public ChipVersion getVersion() {
        byte[] first = send("GetVersion", INS_GET_VERSION, new byte[0], new byte[0], CommMode.MAC, true);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(first);
        all.writeBytes(additionalFrame("GetVersion", StatusWord.ADDITIONAL_FRAME));
        // The last frame carries the MACt over all three frames' data (DS Table 22 note 1): one CmdCtr step.
        all.writeBytes(additionalFrame("GetVersion", StatusWord.OPERATION_OK));
        byte[] data = session == null ? all.toByteArray() : unwrap("GetVersion", all.toByteArray(), CommMode.MAC);
        if (data.length < 7 + 7 + 14) {
            throw new ChipStatusException("GetVersion", StatusWord.LENGTH_ERROR.code());
        }
        return new ChipVersion(Arrays.copyOfRange(data, 0, 7), Arrays.copyOfRange(data, 7, 14),
                Arrays.copyOfRange(data, 14, data.length));
    }

    private byte[] additionalFrame(String name, StatusWord expected) {
        Apdu.Response r = Apdu.Response.parse(transceive(Apdu.nativeCommand(INS_ADDITIONAL_FRAME, new byte[0])));
        if (!r.is(expected)) {
            fail(name, r.sw());
        }
        return r.data();
    }

    /** Read_Sig: the 56-byte originality signature (DS §10.10.1); Full mode when authenticated. */
    public byte[] readSig() {
        return exchange("Read_Sig", INS_READ_SIG, new byte[] {0x00}, new byte[0], CommMode.FULL);
    }

    public FileSettings getFileSettings(int fileNo) {
        byte[] data = exchange("GetFileSettings", INS_GET_FILE_SETTINGS, new byte[] {(byte) fileNo}, new byte[0],
                CommMode.MAC);
        try {
            return FileSettings.decodeGet(data);
        } catch (IllegalArgumentException e) {
            throw new ChipStatusException("GetFileSettings: malformed answer (" + e.getMessage() + ")",
                    StatusWord.OPERATION_OK.code());
        }
    }

    public int getKeyVersion(int keyNo) {
        byte[] data = exchange("GetKeyVersion", INS_GET_KEY_VERSION, new byte[] {(byte) keyNo}, new byte[0],
                CommMode.MAC);
        if (data.length != 1) {
            throw new SecureMessagingException("GetKeyVersion answered " + data.length + " bytes instead of 1");
        }
        return data[0] & 0xFF;
    }

    /** GetCardUID (DS §10.5.3): Full mode, needs authentication. */
    public byte[] getCardUid() {
        requireSession("GetCardUID");
        byte[] data = exchange("GetCardUID", INS_GET_CARD_UID, new byte[0], new byte[0], CommMode.FULL);
        return Arrays.copyOf(data, Math.min(7, data.length));
    }

    /** ReadData (DS §10.8.1) in the file's CommMode; {@code length} 0 reads to the end of the file. */
    public byte[] readData(int fileNo, int offset, int length, CommMode fileMode) {
        byte[] header = fileHeader(fileNo, offset, length);
        return exchange("ReadData", INS_READ_DATA, header, new byte[0], session == null ? CommMode.PLAIN : fileMode);
    }

    /** WriteData (DS §10.8.2), one APDU: the caller keeps each write a single frame for atomicity. */
    public void writeData(int fileNo, int offset, byte[] data, CommMode fileMode) {
        byte[] header = fileHeader(fileNo, offset, data.length);
        exchange("WriteData", INS_WRITE_DATA, header, data, session == null ? CommMode.PLAIN : fileMode);
    }

    private static byte[] fileHeader(int fileNo, int offset, int length) {
        return new byte[] {(byte) fileNo, (byte) offset, (byte) (offset >>> 8), (byte) (offset >>> 16),
            (byte) length, (byte) (length >>> 8), (byte) (length >>> 16)};
    }

    /** ChangeFileSettings (DS §10.7.1): Full mode when authenticated, plain when the Change right is free. */
    public void changeFileSettings(int fileNo, FileSettings settings) {
        exchange("ChangeFileSettings", INS_CHANGE_FILE_SETTINGS, new byte[] {(byte) fileNo},
                settings.encodeForChange(), CommMode.FULL);
    }

    /**
     * ChangeKey (DS §10.6.1). For the authenticated key the key data is NewKey ‖ KeyVer and the
     * session ends with a bare 9100; for another key it is (NewKey XOR OldKey) ‖ KeyVer ‖ CRC32NK(NewKey).
     */
    public void changeKey(int keyNo, byte[] oldKey, byte[] newKey, int keyVersion) {
        Ev2Session s = requireSession("ChangeKey");
        byte[] keyData = ChangeKeyData.build(keyNo, s.keyNo(), oldKey, newKey, keyVersion);
        if (keyNo == s.keyNo()) {
            sendAndEnd("ChangeKey", INS_CHANGE_KEY, new byte[] {(byte) keyNo}, keyData);
            return;
        }
        exchange("ChangeKey", INS_CHANGE_KEY, new byte[] {(byte) keyNo}, keyData, CommMode.FULL);
    }

    // ---- secure-messaging plumbing ------------------------------------------------------------------

    private byte[] exchange(String name, int ins, byte[] header, byte[] data, CommMode mode) {
        return send(name, ins, header, data, mode, false);
    }

    /** Sends one command; with {@code expectMore} a 91AF answer is the expected first frame. */
    private byte[] send(String name, int ins, byte[] header, byte[] data, CommMode mode, boolean expectMore) {
        byte[] field = session == null ? Ev2SessionKeys.concat(header, data)
                : session.wrapCommand(ins, header, data, mode);
        Apdu.Response r = Apdu.Response.parse(transceive(Apdu.nativeCommand(ins, field)));
        return finish(name, r, mode, expectMore);
    }

    private byte[] finish(String name, Apdu.Response r, CommMode mode, boolean expectMore) {
        boolean ok = expectMore ? r.is(StatusWord.ADDITIONAL_FRAME) : r.is(StatusWord.OPERATION_OK);
        if (!ok) {
            fail(name, r.sw());
        }
        if (expectMore || session == null) {
            return r.data();
        }
        return unwrap(name, r.data(), mode);
    }

    private byte[] unwrap(String name, byte[] data, CommMode mode) {
        try {
            return session.unwrapResponse(data, mode);
        } catch (SecureMessagingException e) {
            session = null;
            throw new SecureMessagingException(name + ": " + e.getMessage());
        }
    }

    /** A command whose success answer is a bare 9100 that ends the session (ChangeKey of the auth key). */
    private void sendAndEnd(String name, int ins, byte[] header, byte[] data) {
        byte[] field = session.wrapCommand(ins, header, data, CommMode.FULL);
        Apdu.Response r = Apdu.Response.parse(transceive(Apdu.nativeCommand(ins, field)));
        session = null;
        if (!r.is(StatusWord.OPERATION_OK)) {
            throw new ChipStatusException(name, r.sw());
        }
    }

    private void fail(String name, int sw) {
        session = null; // DS §9.1.9: any error ends the authentication
        throw new ChipStatusException(name, sw);
    }

    byte[] transceive(byte[] apdu) {
        try {
            return link.transceive(apdu);
        } catch (RuntimeException e) {
            session = null; // state unknown after a transport failure or tear (architecture §4)
            throw e;
        }
    }

    private Ev2Session requireSession(String name) {
        if (session == null) {
            throw new IllegalStateException(name + " needs an authenticated session");
        }
        return session;
    }
}
