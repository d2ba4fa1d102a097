package com.tagline.simulator.ntag223;

import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Profile;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.TamperState;
import com.tagline.simulator.field.FieldChip;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A software NTAG 223 DNA (NT2H2331G0) or NTAG 223 DNA StatusDetect (NT2H2331S0) answering raw Type 2
 * frames (ntag223.md §4, §11): GET_VERSION, READ (4 pages, roll-over), FAST_READ, WRITE,
 * COMPATIBILITY_WRITE, READ_SIG, PWD_AUTH, READ_CNT, HLTA. Page rules are in {@link PageRules}, the SUN
 * mirror in {@link MirrorOverlay}; [inferred] positions and bits come from the {@link Ntag223Profile}.
 *
 * <p>Strict by default: forbidden access gets NAK 0, PWD_AUTH past AUTHLIM NAK 4, and after any NAK the
 * chip is IDLE — mute — until {@link #activate()} (re-selection) or {@link #powerCycle()} (NTAG21x state
 * machine [inferred]; builder option {@code idleAfterNak}); a reader emulator that re-selects a target
 * without switching its field off calls {@link FieldChip#activate()}. The NFC counter counts the first READ or
 * FAST_READ after each power-up while NFC_CNT_EN is set. The StatusDetect tamper loop is measured at
 * power-up; an 'O' measurement latches the stored status to 'O' unless the builder turns latching off.
 *
 * <p>Threading: not thread-safe; one thread drives the field. Inspection accessors never reveal the key
 * or password (only the key's check value).
 */
public final class SimulatedNtag223 implements FieldChip {
    static final int CMD_GET_VERSION = 0x60;
    static final int CMD_READ = 0x30;
    static final int CMD_FAST_READ = 0x3A;
    static final int CMD_WRITE = 0xA2;
    static final int CMD_COMPATIBILITY_WRITE = 0xA0;
    static final int CMD_READ_SIG = 0x3C;
    static final int CMD_PWD_AUTH = 0x1B;
    static final int CMD_READ_CNT = 0x39;
    static final int CMD_HLTA = 0x50;
    static final int ATQA = 0x0044;
    static final int SAK = 0x00;
    private static final byte[] MUTE = new byte[0];
    private static final Logger log = LoggerFactory.getLogger(SimulatedNtag223.class);

    private final byte[] uid;
    private final Ntag223Variant variant;
    private final Ntag223Profile profile;
    private final byte[] signature;
    private final Eeprom eeprom;
    private final PageRules rules;
    private final MemoryCommands memory;
    private final TamperLoop tamperLoop;
    private final boolean tamperLatch;
    private final boolean idleAfterNak;
    private final Session session = new Session();

    SimulatedNtag223(SimulatedNtag223Builder.Parts p) {
        this.uid = p.uid().clone();
        this.variant = p.variant();
        this.profile = p.profile();
        this.signature = p.signature().clone();
        this.eeprom = p.eeprom();
        this.rules = new PageRules(eeprom, profile.bits());
        this.memory = new MemoryCommands(eeprom, rules, session, uid, variant, p.tamperData());
        this.tamperLoop = p.tamperLoop();
        this.tamperLatch = p.tamperLatch();
        this.idleAfterNak = p.idleAfterNak();
        measureTamper();
    }

    /** A builder for a chip in delivery state; see {@link SimulatedNtag223Builder}. */
    public static SimulatedNtag223Builder builder() {
        return new SimulatedNtag223Builder();
    }

    // ---- FieldChip ---------------------------------------------------------------------------------

    @Override
    public byte[] uid() {
        return uid.clone();
    }

    @Override
    public int atqa() {
        return ATQA;
    }

    @Override
    public int sak() {
        return SAK;
    }

    @Override
    public byte[] ats() {
        return new byte[0];
    }

    /** A Type 2 chip does not speak ISO-DEP: it stays mute. */
    @Override
    public byte[] processApdu(byte[] apdu) {
        return MUTE;
    }

    @Override
    public byte[] processType2(byte[] frame) {
        if (!session.active || frame == null || frame.length == 0) {
            return MUTE;
        }
        try {
            if (session.compatibilityWritePage >= 0) {
                return memory.compatibilityWriteData(frame);
            }
            return dispatch(frame);
        } catch (ChipNak nak) {
            log.debug("command {} -> NAK {}", String.format("%02X", frame[0]), nak.code());
            session.compatibilityWritePage = -1;
            if (idleAfterNak) {
                session.deselect();
            }
            return new byte[] {(byte) nak.code()};
        }
    }

    private byte[] dispatch(byte[] f) {
        int cmd = f[0] & 0xFF;
        return switch (cmd) {
            case CMD_GET_VERSION -> expectLength(f, 1, variant.versionBytes());
            case CMD_READ -> memory.read(expectLength(f, 2, f));
            case CMD_FAST_READ -> memory.fastRead(expectLength(f, 3, f));
            case CMD_WRITE -> memory.write(expectLength(f, 6, f));
            case CMD_COMPATIBILITY_WRITE -> memory.compatibilityWriteAddress(expectLength(f, 2, f));
            case CMD_READ_SIG -> readSig(expectLength(f, 2, f));
            case CMD_PWD_AUTH -> pwdAuth(expectLength(f, 5, f));
            case CMD_READ_CNT -> readCnt(expectLength(f, 2, f));
            case CMD_HLTA -> halt(expectLength(f, 2, f));
            default -> throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        };
    }

    private static byte[] expectLength(byte[] frame, int length, byte[] result) {
        if (frame.length != length) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        return result;
    }

    // ---- identity, password, counter ---------------------------------------------------------------

    private byte[] readSig(byte[] f) {
        if (f[1] != 0x00) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        return signature.clone();
    }

    private byte[] pwdAuth(byte[] f) {
        session.authenticated = false;
        int limit = eeprom.config().authLimit();
        if (limit != 0 && eeprom.failedPasswordAttempts() >= 1 << limit) {
            throw new ChipNak(ChipNak.AUTHENTICATION_COUNTER_OVERFLOW);
        }
        byte[] given = {f[1], f[2], f[3], f[4]};
        if (!MessageDigest.isEqual(given, eeprom.page(profile.pages().pwd()))) {
            eeprom.failedPasswordAttempts(eeprom.failedPasswordAttempts() + 1);
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        eeprom.failedPasswordAttempts(0);
        session.authenticated = true;
        byte[] pack = eeprom.page(profile.pages().pack());
        return new byte[] {pack[0], pack[1]};
    }

    private byte[] readCnt(byte[] f) {
        Ntag223Config c = eeprom.config();
        if ((f[1] & 0xFF) != profile.readCntAddress() || c.counterPasswordProtected() && !session.authenticated) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        int n = eeprom.counter();
        return new byte[] {(byte) n, (byte) (n >>> 8), (byte) (n >>> 16)};
    }

    private byte[] halt(byte[] f) {
        if (f[1] != 0x00) {
            throw new ChipNak(ChipNak.INVALID_ARGUMENT);
        }
        session.deselect();
        return MUTE;
    }

    // ---- RF events ---------------------------------------------------------------------------------

    /**
     * Field off and on (or the chip left and came back): authentication, a pending COMPATIBILITY_WRITE and
     * the counted-this-power-up flag are lost; the tamper loop is measured again; the chip is ready to be
     * selected. Pages, counters and the stored tamper status are kept.
     */
    @Override
    public void powerCycle() {
        session.counted = false;
        measureTamper();
        activate();
    }

    /**
     * Re-selection without power loss (WUPA + anticollision from IDLE or HALT): the chip answers again, the
     * authentication is gone, the counter is not counted again before the next power-up.
     */
    @Override
    public void activate() {
        session.select();
    }

    private void measureTamper() {
        session.measuredTamper = tamperLoop.state();
        if (variant.statusDetect() && tamperLatch && session.measuredTamper == TamperState.OPEN) {
            eeprom.storedTamper(TamperState.OPEN);
        }
    }

    // ---- inspection for tests and tools (never the key or password) ----------------------------------

    public String uidHex() {
        return HexFormat.of().withUpperCase().formatHex(uid);
    }

    public Ntag223Variant variant() {
        return variant;
    }

    public Ntag223Profile profile() {
        return profile;
    }

    /** The page as stored, without mirror; PWD, PACK and key pages show 00 as on READ. */
    public byte[] page(int page) {
        if (page < 0 || page > profile.pages().lastPage()) {
            throw new IllegalArgumentException("no page " + page);
        }
        return rules.visible(page);
    }

    /** The configuration pages as stored. */
    public Ntag223Config configuration() {
        return eeprom.config();
    }

    /** Key check value of the SUNCMAC_KEY currently in EEPROM (architecture §6: KCVs are safe to show). */
    public String sunKeyCheckValue() {
        return MasterKeySet.kcv(eeprom.sunKey());
    }

    public int nfcCounter() {
        return eeprom.counter();
    }

    public int failedPasswordAttempts() {
        return eeprom.failedPasswordAttempts();
    }

    public boolean isAuthenticated() {
        return session.authenticated;
    }

    /** False while IDLE or HALT (mute until {@link #activate()} or {@link #powerCycle()}). */
    public boolean isActive() {
        return session.active;
    }

    /** The StatusDetect tamper wire, for tests to open and close. */
    public TamperLoop tamperLoop() {
        return tamperLoop;
    }

    public TamperState storedTamperStatus() {
        return eeprom.storedTamper();
    }

    /** The READ_SIG answer. */
    public byte[] originalitySignature() {
        return signature.clone();
    }

    @Override
    public String toString() {
        return "SimulatedNtag223[uid=" + uidHex() + ", " + variant + (session.active ? "" : ", idle") + "]";
    }
}
