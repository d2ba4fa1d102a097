package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.StatusWord;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * The state the command handlers of one simulated chip share: non-volatile parts (identity, keys, files)
 * and volatile parts that a power cycle clears (authentication, pending frames, ISO selection, the SDM
 * read sequence). Also the secure-messaging entry points every native command uses.
 *
 * <p>Single-threaded: owned by {@link SimulatedNtag424}.
 */
final class ChipContext {
    /** ISO/IEC 7816-4 selection level (DS §10.9.1). */
    enum Level { MF, APPLICATION, FILE }

    static final byte[] NO_DATA = new byte[0];

    private final ChipIdentity identity;
    private final ApplicationKeys keys;
    private final ApplicationFiles files;
    private final RandomGenerator random;
    private final Clock clock;
    private CardSession session;
    private PendingFrames pending;
    private Level level = Level.MF;
    private StandardDataFile selectedFile;
    private SdmReadout.Sequence sdmSequence;
    private SdmReadout.Sequence priorSdmSequence;

    ChipContext(ChipIdentity identity, ApplicationKeys keys, ApplicationFiles files, RandomGenerator random,
            Clock clock) {
        this.identity = identity;
        this.keys = keys;
        this.files = files;
        this.random = random;
        this.clock = clock;
    }

    ChipIdentity identity() {
        return identity;
    }

    ApplicationKeys keys() {
        return keys;
    }

    ApplicationFiles files() {
        return files;
    }

    Clock clock() {
        return clock;
    }

    /** One draw from the injected random source: exactly one {@code nextBytes} call of {@code n} bytes. */
    byte[] draw(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    CardSession session() {
        return session;
    }

    void session(CardSession newSession) {
        this.session = newSession;
    }

    boolean authenticated() {
        return session != null;
    }

    /** Authentication state lost (DS §9.1.9: on any error; also on power loss). */
    void dropAuthentication() {
        session = null;
    }

    /** Removes and returns the pending multi-frame state: any command ends it unless its handler renews it. */
    PendingFrames takePending() {
        PendingFrames p = pending;
        pending = null;
        return p;
    }

    void pending(PendingFrames frames) {
        this.pending = frames;
    }

    boolean hasPending() {
        return pending != null;
    }

    // ---- selection (DS §10.9.1) ----------------------------------------------------------------------

    Level level() {
        return level;
    }

    StandardDataFile selectedFile() {
        return selectedFile;
    }

    void select(Level newLevel, StandardDataFile file) {
        this.level = newLevel;
        this.selectedFile = newLevel == Level.FILE ? file : null;
    }

    /** Application commands fail with PERMISSION_DENIED at PICC (MF) level (DS Tables 71, 74, 77, 80, 83). */
    void requireApplication() {
        if (level == Level.MF) {
            throw new ChipError(StatusWord.PERMISSION_DENIED);
        }
    }

    // ---- SDM read sequence (DS §9.3.1) ---------------------------------------------------------------

    /** Called before every command: the previous command's read sequence only continues into this one. */
    void beginCommand() {
        priorSdmSequence = sdmSequence;
        sdmSequence = null;
    }

    SdmReadout.Sequence priorSdmSequence() {
        return priorSdmSequence;
    }

    void sdmSequence(SdmReadout.Sequence sequence) {
        this.sdmSequence = sequence;
    }

    /** RF reset: everything volatile goes; RF power loss resets the chip (ntag424.md §12). */
    void powerCycle() {
        session = null;
        pending = null;
        level = Level.MF;
        selectedFile = null;
        sdmSequence = null;
        priorSdmSequence = null;
    }

    // ---- secure messaging entry points (DS §9.1.8–9.1.10) ---------------------------------------------

    /**
     * The command data field with any protection removed: unchanged when not authenticated, else checked
     * by the session in {@code mode} (which also advances CmdCtr).
     */
    byte[] open(CommandApdu c, int headerLength, CommMode mode) {
        return session == null ? c.data() : session.open(c.ins(), c.data(), headerLength, mode);
    }

    /** OPERATION_OK with {@code data}, protected in {@code mode} when authenticated. */
    byte[] ok(byte[] data, CommMode mode) {
        return withStatus(session == null ? data : session.seal(data, mode), StatusWord.OPERATION_OK);
    }

    static byte[] withStatus(byte[] data, StatusWord sw) {
        return ByteBuffer.allocate(data.length + 2).put(data).put(sw.bytes()).array();
    }
}
