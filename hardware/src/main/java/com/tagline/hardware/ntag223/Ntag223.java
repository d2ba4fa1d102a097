package com.tagline.hardware.ntag223;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host protocol of one NTAG 223 DNA in the field (ntag223.md §4) over raw Type 2 frames
 * ({@link TagLink#transceiveRaw}: frames without CRC, a 4-bit ACK/NAK as one byte). One method per
 * datasheet command; {@link Ntag223Memory} builds the page-level operations a personalizer needs on
 * top of these.
 *
 * <p>Failures: {@link Ntag223NakException} for a NAK (the tag is then back in IDLE and must be
 * re-activated; any PWD_AUTH is gone), {@link TagLostException} when the tag stays mute or the link
 * says so, {@link Ntag223AnswerException} for an answer of the wrong shape. After any failure
 * {@link #isAuthenticated()} is false.
 *
 * <p>Threading: single-threaded, owned by the reader thread.
 */
public final class Ntag223 {
    static final int CMD_GET_VERSION = 0x60;
    static final int CMD_READ = 0x30;
    static final int CMD_FAST_READ = 0x3A;
    static final int CMD_WRITE = 0xA2;
    static final int CMD_COMPATIBILITY_WRITE = 0xA0;
    static final int CMD_READ_SIG = 0x3C;
    static final int CMD_PWD_AUTH = 0x1B;
    static final int CMD_READ_CNT = 0x39;
    /** 4-bit ACK (NFC Forum T2T; NTAG datasheets "ACK = Ah"). */
    public static final int ACK = 0x0A;
    public static final int READ_LENGTH = 16;
    public static final int SIGNATURE_LENGTH = 48;
    public static final int PACK_LENGTH = 2;
    private static final int COMPATIBILITY_WRITE_DATA = 16;
    private static final Logger log = LoggerFactory.getLogger(Ntag223.class);

    private final TagLink link;
    private final Ntag223Profile profile;
    private boolean authenticated;

    public Ntag223(TagLink link) {
        this(link, Ntag223Profile.defaults());
    }

    public Ntag223(TagLink link, Ntag223Profile profile) {
        this.link = Objects.requireNonNull(link);
        this.profile = Objects.requireNonNull(profile);
    }

    public TagLink link() {
        return link;
    }

    public Ntag223Profile profile() {
        return profile;
    }

    /** True after a successful PWD_AUTH, until a failure or {@link #forgetAuthentication()}. */
    public boolean isAuthenticated() {
        return authenticated;
    }

    /** Forgets the password authentication (after a re-activation or a field reset). */
    public void forgetAuthentication() {
        authenticated = false;
    }

    // ---- commands (ntag223.md §4) ------------------------------------------------------------------

    /** GET_VERSION {@code 60} → 8 bytes (§1.1). */
    public Ntag223Version getVersion() {
        byte[] frame = {(byte) CMD_GET_VERSION};
        return new Ntag223Version(data("GET_VERSION", frame, profile.readTimeout(), Ntag223Version.LENGTH));
    }

    /** READ {@code 30 AA} → 16 bytes, pages AA..AA+3 with roll-over and the SUN mirror overlaid. */
    public byte[] read(int page) {
        checkPage(page);
        return data("READ", new byte[] {(byte) CMD_READ, (byte) page}, profile.readTimeout(), READ_LENGTH);
    }

    /** FAST_READ {@code 3A SS EE} → (EE − SS + 1) × 4 bytes, SUN mirror overlaid. */
    public byte[] fastRead(int startPage, int endPage) {
        checkPage(startPage);
        checkPage(endPage);
        if (endPage < startPage) {
            throw new IllegalArgumentException("FAST_READ end page must not precede the start page");
        }
        int length = (endPage - startPage + 1) * MemoryMap.PAGE_SIZE;
        return data("FAST_READ", new byte[] {(byte) CMD_FAST_READ, (byte) startPage, (byte) endPage},
                profile.readTimeout(), length);
    }

    /** WRITE {@code A2 AA D0 D1 D2 D3} → ACK. A page write is all-or-nothing on the chip. */
    public void write(int page, byte[] data) {
        checkPage(page);
        byte[] d = pageData(data);
        byte[] frame = {(byte) CMD_WRITE, (byte) page, d[0], d[1], d[2], d[3]};
        ack("WRITE", frame, profile.writeTimeout());
        log.debug("WRITE page {} ok", String.format("%02X", page));
    }

    /**
     * COMPATIBILITY_WRITE {@code A0 AA} → ACK, then 16 data bytes (only the first 4 are written, the
     * rest sent as 00) → ACK (NFC Forum T2T; ntag223.md §4 [inferred]).
     */
    public void compatibilityWrite(int page, byte[] data) {
        checkPage(page);
        byte[] d = pageData(data);
        ack("COMPATIBILITY_WRITE", new byte[] {(byte) CMD_COMPATIBILITY_WRITE, (byte) page}, profile.readTimeout());
        byte[] second = new byte[COMPATIBILITY_WRITE_DATA];
        System.arraycopy(d, 0, second, 0, MemoryMap.PAGE_SIZE);
        ack("COMPATIBILITY_WRITE", second, profile.writeTimeout());
    }

    /** READ_SIG {@code 3C 00} → 48-byte ECDSA secp192r1 signature r ‖ s over the UID (§8). */
    public byte[] readSig() {
        return data("READ_SIG", new byte[] {(byte) CMD_READ_SIG, 0x00}, profile.readTimeout(), SIGNATURE_LENGTH);
    }

    /** READ_SIG and a check against {@code trust} over the anticollision UID. */
    public boolean verifyOriginality(OriginalitySignature trust) {
        return trust.verify(link.target().uid(), readSig());
    }

    /**
     * PWD_AUTH {@code 1B P0 P1 P2 P3} → PACK (2 bytes). The password is sent in the byte order it has
     * in the PWD page (§4 [inferred]). A wrong password is a NAK; the caller compares the PACK.
     */
    public byte[] pwdAuth(byte[] password) {
        if (password.length != 4) {
            throw new IllegalArgumentException("PWD is 4 bytes");
        }
        authenticated = false;
        byte[] frame = {(byte) CMD_PWD_AUTH, password[0], password[1], password[2], password[3]};
        byte[] pack = data("PWD_AUTH", frame, profile.readTimeout(), PACK_LENGTH);
        authenticated = true;
        log.debug("PWD_AUTH ok");
        return pack;
    }

    /** READ_CNT {@code 39 nn} → the 24-bit NFC counter, sent LSByte first (§4 [inferred]). */
    public int readCnt() {
        byte[] r = data("READ_CNT", new byte[] {(byte) CMD_READ_CNT, (byte) profile.readCntAddress()},
                profile.readTimeout(), 3);
        return (r[0] & 0xFF) | (r[1] & 0xFF) << 8 | (r[2] & 0xFF) << 16;
    }

    // ---- framing -----------------------------------------------------------------------------------

    private byte[] data(String name, byte[] frame, Duration timeout, int expected) {
        byte[] r = exchange(name, frame, timeout);
        if (r.length == 1) {
            throw nakOrAck(name, r[0] & 0xFF);
        }
        if (r.length != expected) {
            authenticated = false;
            throw new Ntag223AnswerException(name + " answered " + r.length + " bytes instead of " + expected);
        }
        return r;
    }

    private void ack(String name, byte[] frame, Duration timeout) {
        byte[] r = exchange(name, frame, timeout);
        if (r.length != 1) {
            authenticated = false;
            throw new Ntag223AnswerException(name + " answered " + r.length + " bytes instead of a 4-bit ACK");
        }
        if ((r[0] & 0xFF) != ACK) {
            throw nakOrAck(name, r[0] & 0xFF);
        }
    }

    private RuntimeException nakOrAck(String name, int value) {
        authenticated = false;
        if (value == ACK) {
            return new Ntag223AnswerException(name + " answered a bare ACK where data was due");
        }
        if (value > 0x0F) {
            return new Ntag223AnswerException(name + " answered the single byte " + String.format("%02X", value));
        }
        log.debug("{} NAK {}", name, value);
        return new Ntag223NakException(name, value);
    }

    private byte[] exchange(String name, byte[] frame, Duration timeout) {
        byte[] r;
        try {
            if (log.isTraceEnabled()) {
                log.trace("> {}", HexFormat.of().withUpperCase().formatHex(frame));
            }
            r = link.transceiveRaw(frame, timeout);
        } catch (RuntimeException e) {
            authenticated = false; // state unknown after a transport failure or tear (architecture §4)
            throw e;
        }
        if (r == null || r.length == 0) {
            authenticated = false;
            throw new TagLostException(name + ": the tag did not answer");
        }
        return r;
    }

    private void checkPage(int page) {
        if (page < 0 || page > 0xFF) {
            throw new IllegalArgumentException("page address is one byte, got " + page);
        }
    }

    private static byte[] pageData(byte[] data) {
        if (data.length != MemoryMap.PAGE_SIZE) {
            throw new IllegalArgumentException("a page is 4 bytes, got " + data.length);
        }
        return data.clone();
    }
}
