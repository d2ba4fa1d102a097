package com.tagline.station.workflow;

import com.tagline.hardware.pn532.BitRateNegotiator;
import com.tagline.hardware.pn532.FirmwareVersion;
import com.tagline.hardware.pn532.PassiveTarget;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532TagLink;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.hardware.tag.Target;
import com.tagline.hardware.tag.TransportException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The antenna of a real station: a PN532 activates one ISO 14443-A target at 106 kbps
 * (InListPassiveTarget, UM0701-02 §7.3) and the encoder talks to it through a {@link Pn532TagLink}.
 * The chip kind comes from SAK (ISO/IEC 14443-3 §6.4.3.4): bit 6 (20h) set means ISO 14443-4
 * compliant, which on this line is NTAG 424 DNA; SAK 00h is a Type 2 tag, NTAG 223 DNA. The recipe's
 * GetVersion still decides whether the chip really is that product.
 *
 * <p>Every activation starts with an RF field reset (RFConfiguration item 01 off, then on): a chip
 * released or deselected earlier sits in HALT and would not answer the REQA of InListPassiveTarget
 * (ISO/IEC 14443-3 §6.3), and a chip lost mid-exchange must come back from power-up anyway. So a chip
 * that stays on the antenna is seen again at every poll, and one that left is not.
 *
 * <p>An ISO-DEP target is then switched to the fastest RF bit rate both sides allow (InPSL, with the
 * fall-backs to 106 kbit/s of {@link BitRateNegotiator}, issue 13).
 *
 * <p>Threading: the reader thread's, like its {@link Pn532}. A new activation releases the previous
 * target first (InRelease), so the PN532 never holds two.
 */
public final class Pn532Antenna implements Antenna {
    /** SAK bit "ISO/IEC 14443-4 compliant" (ISO/IEC 14443-3 §6.4.3.4). */
    private static final int SAK_ISO_DEP = 0x20;

    private final Pn532 reader;
    private final BitRateNegotiator bitRates;
    private Pn532TagLink current;
    private volatile boolean initialized;
    private volatile FirmwareVersion firmware;

    public Pn532Antenna(Pn532 reader) {
        this.reader = reader;
        this.bitRates = new BitRateNegotiator(reader);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Brings the PN532 to a known state first ({@link Pn532#init()}) on the first call and after
     * the link failed (a reconnected or power-cycled module forgets its SAM and RF settings).
     *
     * @throws TransportException when the reader link fails; the next call initializes again
     */
    @Override
    public Optional<ChipInField> detect() {
        release();
        List<PassiveTarget> targets;
        try {
            if (!initialized) {
                firmware = reader.init();
                initialized = true;
            }
            reader.rfField(false);
            reader.rfField(true);
            targets = reader.inListPassiveTarget(1, new byte[0]);
            if (targets.isEmpty()) {
                return Optional.empty();
            }
            current = bitRates.open(targets.get(0));
        } catch (TransportException e) {
            initialized = false;
            throw e;
        }
        Target t = targets.get(0).target();
        Optional<ChipProtocol> protocol = protocol(t);
        return Optional.of(new ChipInField(current, HexFormat.of().withUpperCase().formatHex(t.uid()), protocol,
                protocol.map(ChipProtocol::code).orElse(String.format("unknown (SAK %02X)", t.sak()))));
    }

    /**
     * Whether the PN532 answered its initialization and no link failure was seen since (the operator's
     * "reader connected"). Any thread: the reader thread publishes it.
     */
    public boolean connected() {
        return initialized;
    }

    /** The firmware the PN532 reported at its last initialization, if it was ever initialized. Any thread. */
    public Optional<FirmwareVersion> firmware() {
        return Optional.ofNullable(firmware);
    }

    /** Releases the activated target, if any; a reader that is gone is not an error here. */
    public void release() {
        if (current != null) {
            try {
                current.release();
            } catch (TransportException e) {
                // the link is down; the next detect reports it
            } finally {
                current = null;
            }
        }
    }

    static Optional<ChipProtocol> protocol(Target t) {
        if ((t.sak() & SAK_ISO_DEP) != 0) {
            return Optional.of(ChipProtocol.NTAG_424_DNA);
        }
        return t.sak() == 0x00 ? Optional.of(ChipProtocol.NTAG_223_DNA) : Optional.empty();
    }
}
