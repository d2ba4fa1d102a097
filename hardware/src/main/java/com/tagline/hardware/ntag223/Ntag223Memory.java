package com.tagline.hardware.ntag223;

import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NTAG 223 DNA memory areas a personalizer works with (ntag223.md §2, §3, §7), built from
 * {@link Ntag223}'s READ, FAST_READ and WRITE: header, configuration, user memory with its NDEF TLV,
 * the SUNCMAC_KEY pages, password pages and lock bits. Every write is single pages, each applied
 * all-or-nothing by the chip, in the order §7 gives.
 *
 * <p>Failures are those of {@link Ntag223}. Threading: single-threaded, like the chip it wraps.
 */
public final class Ntag223Memory {
    private static final Logger log = LoggerFactory.getLogger(Ntag223Memory.class);

    private final Ntag223 chip;
    private final MemoryMap map;

    public Ntag223Memory(Ntag223 chip) {
        this.chip = chip;
        this.map = chip.profile().pages();
    }

    public Ntag223 chip() {
        return chip;
    }

    // ---- reading -----------------------------------------------------------------------------------

    /** READ 00h: UID, check bytes, static lock bytes, CC. */
    public Ntag223Header readHeader() {
        return new Ntag223Header(chip.read(MemoryMap.UID_PAGE));
    }

    /** FAST_READ from the dynamic lock page through the key-lock page (§7 step 2). */
    public Ntag223Config readConfiguration() {
        byte[] pages = chip.fastRead(map.dynamicLock(), map.keyLock());
        return Ntag223Config.parse(pages, map, chip.profile().bits());
    }

    /**
     * One FAST_READ from page 00h through the key-lock page (184 bytes on the 223): header, user memory and
     * configuration in one command instead of three (§7 steps 1–2). A NAK (read protection from AUTH0 with
     * PROT set) leaves the tag IDLE, as for any read.
     */
    public Ntag223Snapshot readAll() {
        return snapshot(MemoryMap.UID_PAGE);
    }

    /** One FAST_READ from the first user page through the key-lock page: user memory and configuration. */
    public Ntag223Snapshot readUserAndConfiguration() {
        return snapshot(map.userStart());
    }

    private Ntag223Snapshot snapshot(int from) {
        byte[] b = chip.fastRead(from, map.keyLock());
        Ntag223Header header = from == MemoryMap.UID_PAGE
                ? new Ntag223Header(pages(b, from, MemoryMap.UID_PAGE, MemoryMap.CC_PAGE)) : null;
        Ntag223Config config = Ntag223Config.parse(pages(b, from, map.dynamicLock(), map.keyLock()), map,
                chip.profile().bits());
        return new Ntag223Snapshot(header, pages(b, from, map.userStart(), map.userEnd()), config);
    }

    /** Pages {@code first}..{@code last} of {@code read}, a read that started at page {@code from}. */
    private static byte[] pages(byte[] read, int from, int first, int last) {
        return Arrays.copyOfRange(read, (first - from) * MemoryMap.PAGE_SIZE, (last - from + 1) * MemoryMap.PAGE_SIZE);
    }

    /** FAST_READ of the whole user memory (144 bytes), with the SUN mirror overlaid by the chip. */
    public byte[] readUserMemory() {
        return chip.fastRead(map.userStart(), map.userEnd());
    }

    /** The first NDEF message in user memory, empty when there is none (§6.4; T2T TLVs). */
    public Optional<byte[]> readNdefMessage() {
        return NdefTlv.decode(readUserMemory());
    }

    // ---- writing -----------------------------------------------------------------------------------

    /** Writes {@code data} (whole pages) from {@code firstPage} on, one WRITE per page. */
    public void writePages(int firstPage, byte[] data) {
        if (data.length % MemoryMap.PAGE_SIZE != 0) {
            throw new IllegalArgumentException("data must be whole 4-byte pages, got " + data.length + " bytes");
        }
        for (int i = 0; i < data.length / MemoryMap.PAGE_SIZE; i++) {
            int from = i * MemoryMap.PAGE_SIZE;
            chip.write(firstPage + i, Arrays.copyOfRange(data, from, from + MemoryMap.PAGE_SIZE));
        }
    }

    /** Writes a user-memory image (e.g. the SUN mirror layout's user image) from the first user page (§7 step 3). */
    public void writeUserMemory(byte[] image) {
        if (image.length > map.userBytes()) {
            throw new IllegalArgumentException("image of " + image.length + " bytes exceeds the " + map.userBytes()
                    + " bytes of user memory");
        }
        writePages(map.userStart(), image);
    }

    /**
     * Writes the profile's CC to page 03h unless it is already there (§7 step 3). The CC is OTP: the
     * chip ORs the written bits in, so a CC with other bits set cannot be repaired.
     *
     * @return true when the page was written
     */
    public boolean ensureCapabilityContainer() {
        byte[] cc = chip.profile().capabilityContainer();
        if (Arrays.equals(readHeader().capabilityContainer(), cc)) {
            return false;
        }
        chip.write(MemoryMap.CC_PAGE, cc);
        return true;
    }

    public void writeCfg0(Ntag223Config config) {
        chip.write(map.cfg0(), config.cfg0());
    }

    public void writeCfg1(Ntag223Config config) {
        chip.write(map.cfg1(), config.cfg1());
    }

    public void writeKeyLock(Ntag223Config config) {
        chip.write(map.keyLock(), config.keyLock());
    }

    /** Sets LOCK_SUNCMAC_KEY, keeping the key-lock bits already set (§7 step 7). Irreversible [inferred]. */
    public Ntag223Config lockSunKey() {
        Ntag223Config current = readConfiguration();
        if (current.sunKeyLocked()) {
            return current;
        }
        Ntag223Config updated = current.withSunKeyLock();
        writeKeyLock(updated);
        return updated;
    }

    /** Writes PWD then PACK (PACK page bytes 2–3 written 00) (§7 step 8 [inferred]). */
    public void writePassword(byte[] password, byte[] pack) {
        if (password.length != 4 || pack.length != Ntag223.PACK_LENGTH) {
            throw new IllegalArgumentException("PWD is 4 bytes and PACK 2 bytes");
        }
        chip.write(map.pwd(), password);
        chip.write(map.pack(), new byte[] {pack[0], pack[1], 0, 0});
    }

    /**
     * Protects pages from {@code auth0} on (§7 step 8): CFG1 (PROT, AUTHLIM) first, then CFG0 with AUTH0
     * last, because AUTH0 protects later writes at once.
     *
     * @param readProtected PROT: also reads need PWD_AUTH
     * @param authLimit AUTHLIM (0 = unlimited failed attempts) [inferred]
     */
    public Ntag223Config protect(int auth0, boolean readProtected, int authLimit) {
        Ntag223Config current = readConfiguration();
        Ntag223Config updated = current.withProt(readProtected).withAuthLimit(authLimit).withAuth0(auth0);
        writeCfg1(updated);
        writeCfg0(updated);
        return updated;
    }

    /** ORs lock bits into the static lock bytes (page 02h bytes 2–3; bytes 0–1 are not written by the chip). */
    public void setStaticLockBits(int lock0, int lock1) {
        chip.write(MemoryMap.STATIC_LOCK_PAGE, new byte[] {0, 0, (byte) lock0, (byte) lock1});
    }

    /** ORs lock bits into the three dynamic lock bytes (page 28h [inferred]). */
    public void setDynamicLockBits(int lock0, int lock1, int lock2) {
        chip.write(map.dynamicLock(), new byte[] {(byte) lock0, (byte) lock1, (byte) lock2, 0});
    }
}
