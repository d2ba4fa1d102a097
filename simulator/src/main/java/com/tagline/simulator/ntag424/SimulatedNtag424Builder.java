package com.tagline.simulator.ntag424;

import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.hardware.ntag424.FileSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link SimulatedNtag424}. Without any call it builds a chip in delivery state (ntag424.md §1)
 * with a random UID (UID[0] = 04), the TEST originality key, a {@link SecureRandom}, the system UTC clock
 * and {@link FailedAuthenticationPolicy#defaults()}. The key, file-settings, content and counter options
 * start a chip in a non-delivery state (e.g. the AN12196 example tag) without replaying commands.
 *
 * <p>Not thread-safe; build once per chip.
 */
public final class SimulatedNtag424Builder {
    private byte[] uid;
    private byte[] production = ChipIdentity.DEFAULT_PRODUCTION;
    private OriginalityKeyPair originalityKey;
    private RandomGenerator random;
    private Clock clock = Clock.systemUTC();
    private FailedAuthenticationPolicy policy = FailedAuthenticationPolicy.defaults();
    private final Map<Integer, byte[]> keys = new HashMap<>();
    private final Map<Integer, Integer> keyVersions = new HashMap<>();
    private final Map<Integer, FileSettings> fileSettings = new HashMap<>();
    private final Map<Integer, Map<Integer, byte[]>> contents = new HashMap<>();
    private Integer sdmReadCounter;

    SimulatedNtag424Builder() {}

    /** The 7-byte UID (GetVersion frame 3, GetCardUID, SDM mirrors, the signature). */
    public SimulatedNtag424Builder uid(byte[] value) {
        if (value.length != 7) {
            throw new IllegalArgumentException("NTAG 424 DNA UID is 7 bytes, got " + value.length);
        }
        this.uid = value.clone();
        return this;
    }

    /** GetVersion frame 3 after the UID: BatchNo(4) ‖ BatchNo/FabKey ‖ FabKey/CWProd ‖ YearProd (DS Table 58). */
    public SimulatedNtag424Builder productionData(byte[] value) {
        if (value.length != 7) {
            throw new IllegalArgumentException("production data is 7 bytes");
        }
        this.production = value.clone();
        return this;
    }

    /** The key pair Read_Sig signs with; default {@link OriginalityKeyPair#ntag424Test()}. */
    public SimulatedNtag424Builder originalityKey(OriginalityKeyPair value) {
        this.originalityKey = Objects.requireNonNull(value);
        return this;
    }

    /** Source of RndB, TI, SDM padding and the default UID; see {@link SimulatedNtag424} for the draw order. */
    public SimulatedNtag424Builder random(RandomGenerator value) {
        this.random = Objects.requireNonNull(value);
        return this;
    }

    /** The clock the authentication delay runs on. */
    public SimulatedNtag424Builder clock(Clock value) {
        this.clock = Objects.requireNonNull(value);
        return this;
    }

    public SimulatedNtag424Builder failedAuthenticationPolicy(FailedAuthenticationPolicy value) {
        this.policy = Objects.requireNonNull(value);
        return this;
    }

    /** Starts with application key {@code keyNo} set to {@code key} with version {@code version}. */
    public SimulatedNtag424Builder key(int keyNo, byte[] key, int version) {
        if (!ApplicationKeys.exists(keyNo) || key.length != ApplicationKeys.KEY_LENGTH || version < 0
                || version > 0xFF) {
            throw new IllegalArgumentException("key number 0..4, 16-byte key, version 0..255 expected");
        }
        keys.put(keyNo, key.clone());
        keyVersions.put(keyNo, version);
        return this;
    }

    /** Starts file {@code fileNo} (1..3) with these settings; their size must be the file's size. */
    public SimulatedNtag424Builder fileSettings(int fileNo, FileSettings settings) {
        fileSettings.put(fileNo, Objects.requireNonNull(settings));
        return this;
    }

    /** Writes {@code bytes} at {@code offset} into file {@code fileNo}'s initial content. */
    public SimulatedNtag424Builder fileContent(int fileNo, int offset, byte[] bytes) {
        contents.computeIfAbsent(fileNo, k -> new HashMap<>()).put(offset, bytes.clone());
        return this;
    }

    /** Starts the NDEF file's SDMReadCtr at {@code value} (0..FFFFFF). */
    public SimulatedNtag424Builder sdmReadCounter(int value) {
        this.sdmReadCounter = value;
        return this;
    }

    public SimulatedNtag424 build() {
        RandomGenerator rng = random != null ? random : new SecureRandom();
        byte[] chipUid = uid != null ? uid : randomUid(rng);
        OriginalityKeyPair signer = originalityKey != null ? originalityKey : OriginalityKeyPair.ntag424Test();
        ChipIdentity identity = new ChipIdentity(chipUid, production, signer.sign(chipUid));
        ApplicationKeys appKeys = new ApplicationKeys(policy);
        keys.forEach((n, k) -> appKeys.change(n, k, keyVersions.get(n)));
        ApplicationFiles files = ApplicationFiles.factory();
        fileSettings.forEach((n, s) -> files.file(n).settings(s));
        contents.forEach((n, writes) -> writes.forEach((off, bytes) -> files.file(n).write(off, bytes)));
        if (sdmReadCounter != null) {
            files.file(ApplicationFiles.SDM_FILE).sdmReadCtr(sdmReadCounter);
        }
        return new SimulatedNtag424(new ChipContext(identity, appKeys, files, rng, clock));
    }

    /** Draws UID[1..6] (6 bytes, one nextBytes call); UID[0] = 04, NXP's manufacturer code (DS §1). */
    private static byte[] randomUid(RandomGenerator rng) {
        byte[] tail = new byte[6];
        rng.nextBytes(tail);
        byte[] out = new byte[7];
        out[0] = 0x04;
        System.arraycopy(tail, 0, out, 1, 6);
        return out;
    }
}
