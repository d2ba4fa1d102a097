package com.tagline.simulator.ntag223;

import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.Ntag223Profile;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.SunCmac;
import com.tagline.hardware.ntag223.sun.TamperState;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link SimulatedNtag223}. Without any call it builds a plain NTAG 223 DNA in the delivery
 * state this project assumes (ntag223.md §13 leaves it [unknown]): random UID 04…, CC and password from
 * {@link Ntag223Profile#defaults()}, NDEF {@code 03 00 FE} at page 04h (NTAG21x), CFG0 {@code 00 3C 00 3C}
 * (mirror off, TT byte 3Ch as observed, AUTH0 off), CFG1 {@code 00 00 00 00}, all-zero SUNCMAC_KEY (the
 * one real sample, §6.3), counter 0, tamper loop closed, the TEST originality key, a {@link SecureRandom}.
 * The page, key, password and counter options start a chip in any other state without replaying commands.
 *
 * <p>The NTAG 223 has no time-dependent behaviour, so no clock; response time is the link's business
 * ({@link SimulatedNtag223Link#responseLatency}). The random source draws only the UID (one
 * {@code nextBytes} of 6 bytes). Not thread-safe; build once per chip.
 */
public final class SimulatedNtag223Builder {
    /** Page 02h byte 1, "internal": 48h on NTAG21x [inferred]. */
    static final int INTERNAL_BYTE = 0x48;
    private static final int CASCADE_TAG = 0x88;
    private static final byte[] FACTORY_NDEF = {0x03, 0x00, (byte) 0xFE, 0x00};

    private byte[] uid;
    private Ntag223Variant variant = Ntag223Variant.PLAIN;
    private Ntag223Profile profile = Ntag223Profile.defaults();
    private OriginalityKeyPair originalityKey;
    private RandomGenerator random;
    private final Map<Integer, byte[]> pages = new HashMap<>();
    private byte[] sunKey = new byte[SunCmac.KEY_LENGTH];
    private int counter;
    private TamperState tamperLoop = TamperState.CLOSED;
    private byte[] tamperData = new byte[4];
    private boolean tamperLatch = true;
    private boolean idleAfterNak = true;

    SimulatedNtag223Builder() {}

    /** The 7-byte UID (anticollision, pages 00h–02h, the SUN message, the signature). */
    public SimulatedNtag223Builder uid(byte[] value) {
        if (value.length != 7) {
            throw new IllegalArgumentException("NTAG 223 DNA UID is 7 bytes, got " + value.length);
        }
        this.uid = value.clone();
        return this;
    }

    public SimulatedNtag223Builder variant(Ntag223Variant value) {
        this.variant = Objects.requireNonNull(value);
        return this;
    }

    /** Page map, configuration bits, CC, READ_CNT address and factory password ([inferred] values). */
    public SimulatedNtag223Builder profile(Ntag223Profile value) {
        this.profile = Objects.requireNonNull(value);
        return this;
    }

    /** The key pair READ_SIG signs with; default {@link OriginalityKeyPair#ntag223Test()}. */
    public SimulatedNtag223Builder originalityKey(OriginalityKeyPair value) {
        this.originalityKey = Objects.requireNonNull(value);
        return this;
    }

    public SimulatedNtag223Builder random(RandomGenerator value) {
        this.random = Objects.requireNonNull(value);
        return this;
    }

    /** Raw EEPROM content of one page (02h–last), applied after the defaults; UID pages are derived. */
    public SimulatedNtag223Builder page(int page, byte[] data) {
        if (page < MemoryMap.STATIC_LOCK_PAGE || data.length != MemoryMap.PAGE_SIZE) {
            throw new IllegalArgumentException("page 02h or above with 4 bytes expected");
        }
        pages.put(page, data.clone());
        return this;
    }

    /** SUNCMAC_KEY in conventional order (stored byte-reversed, §6.3). */
    public SimulatedNtag223Builder sunKey(byte[] key) {
        if (key.length != SunCmac.KEY_LENGTH) {
            throw new IllegalArgumentException("SUNCMAC_KEY is 16 bytes");
        }
        this.sunKey = key.clone();
        return this;
    }

    public SimulatedNtag223Builder nfcCounter(int value) {
        if (value < 0 || value > SunCmac.MAX_COUNTER) {
            throw new IllegalArgumentException("NFC counter is 24 bits");
        }
        this.counter = value;
        return this;
    }

    /** State of the StatusDetect tamper wire at the first power-up. */
    public SimulatedNtag223Builder tamperLoop(TamperState value) {
        this.tamperLoop = Objects.requireNonNull(value);
        return this;
    }

    /** The 4 tamper bytes after the status letters (observed 00000000, meaning [unknown]). */
    public SimulatedNtag223Builder tamperData(byte[] value) {
        if (value.length != 4) {
            throw new IllegalArgumentException("tamper data is 4 bytes");
        }
        this.tamperData = value.clone();
        return this;
    }

    /** Whether an open measurement latches the stored status to 'O' (default true, NTAG 213 TT [inferred]). */
    public SimulatedNtag223Builder tamperLatch(boolean value) {
        this.tamperLatch = value;
        return this;
    }

    /** Whether a NAK sends the chip to IDLE (mute until re-selected); default true (NTAG21x [inferred]). */
    public SimulatedNtag223Builder idleAfterNak(boolean value) {
        this.idleAfterNak = value;
        return this;
    }

    public SimulatedNtag223 build() {
        RandomGenerator rng = random != null ? random : new SecureRandom();
        byte[] chipUid = uid != null ? uid : randomUid(rng);
        OriginalityKeyPair signer = originalityKey != null ? originalityKey : OriginalityKeyPair.ntag223Test();
        Eeprom eeprom = new Eeprom(profile.pages(), profile.bits());
        factoryContent(eeprom, chipUid);
        pages.forEach(eeprom::setPage);
        eeprom.counter(counter);
        return new SimulatedNtag223(new Parts(chipUid, variant, profile, signer.sign(chipUid), eeprom,
                new TamperLoop(tamperLoop), tamperData, tamperLatch, idleAfterNak));
    }

    private void factoryContent(Eeprom eeprom, byte[] u) {
        MemoryMap map = profile.pages();
        eeprom.setPage(0, new byte[] {u[0], u[1], u[2], (byte) (CASCADE_TAG ^ u[0] ^ u[1] ^ u[2])});
        eeprom.setPage(1, Arrays.copyOfRange(u, 3, 7));
        eeprom.setPage(MemoryMap.STATIC_LOCK_PAGE, new byte[] {(byte) (u[3] ^ u[4] ^ u[5] ^ u[6]),
            (byte) INTERNAL_BYTE, 0, 0});
        eeprom.setPage(MemoryMap.CC_PAGE, profile.capabilityContainer());
        eeprom.setPage(map.userStart(), FACTORY_NDEF);
        eeprom.setPage(map.cfg0(), new byte[] {0x00, 0x3C, 0x00, (byte) profile.bits().auth0Disabled()});
        eeprom.setPage(map.pwd(), profile.factoryPassword());
        byte[] pack = profile.factoryPack();
        eeprom.setPage(map.pack(), new byte[] {pack[0], pack[1], 0, 0});
        byte[] keyPages = SunCmac.keyToPages(sunKey);
        for (int i = 0; i < MemoryMap.SUN_KEY_PAGES; i++) {
            eeprom.setPage(map.sunKey() + i, Arrays.copyOfRange(keyPages, 4 * i, 4 * i + 4));
        }
    }

    /** Draws UID[1..6] (one nextBytes call of 6 bytes); UID[0] = 04, NXP's manufacturer code. */
    private static byte[] randomUid(RandomGenerator rng) {
        byte[] tail = new byte[6];
        rng.nextBytes(tail);
        byte[] out = new byte[7];
        out[0] = 0x04;
        System.arraycopy(tail, 0, out, 1, 6);
        return out;
    }

    /** What the chip is built from. */
    record Parts(byte[] uid, Ntag223Variant variant, Ntag223Profile profile, byte[] signature, Eeprom eeprom,
            TamperLoop tamperLoop, byte[] tamperData, boolean tamperLatch, boolean idleAfterNak) {}
}
