package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.BitRate;
import com.tagline.simulator.field.FieldChip;

/**
 * One entry of the PN532 target table (UM0701-02 §7.3.5: up to two targets, numbered Tg 1 and 2): the chip,
 * whether it was activated at ISO 14443-4 level (RATS), and what the host did to it since.
 *
 * <p>Threading: emulator thread only.
 */
final class ListedTarget {
    private final int tg;
    private final FieldChip chip;
    private final boolean isoDep;
    private boolean deselected;
    private boolean lost;
    private int piccBlockNumber = 1;
    private BitRate rate = BitRate.KBPS_106;
    private byte[] lastBlock = RawIsoDepBlocks.initialBlock(1);

    ListedTarget(int tg, FieldChip chip, boolean isoDep) {
        this.tg = tg;
        this.chip = chip;
        this.isoDep = isoDep;
    }

    /** ISO/IEC 14443-4 §7.5.4: the PICC's block number, 1 after activation. */
    int piccBlockNumber() {
        return piccBlockNumber;
    }

    byte[] lastBlock() {
        return RawIsoDepBlocks.copy(lastBlock);
    }

    /** One APDU went through InDataExchange: the PICC toggled its block number and sent {@code response}. */
    void apduExchanged(byte[] response) {
        piccBlockNumber ^= 1;
        lastBlock = RawIsoDepBlocks.iBlock(piccBlockNumber, response);
    }

    /** The RF bit rate of exchanges with this target: 106 kbit/s after activation, then what InPSL set. */
    BitRate rate() {
        return rate;
    }

    /** InPSL: both sides switched to {@code value} after the PPS (ISO/IEC 14443-4 §5.3). */
    void rate(BitRate value) {
        this.rate = value;
    }

    /** Re-activation (RATS) starts the block numbering again, at 106 kbit/s (ISO/IEC 14443-4 §5.3). */
    void reactivated() {
        rate = BitRate.KBPS_106;
        piccBlockNumber = 1;
        lastBlock = RawIsoDepBlocks.initialBlock(1);
    }

    int tg() {
        return tg;
    }

    FieldChip chip() {
        return chip;
    }

    /** Activated with RATS: InDataExchange carries APDUs. */
    boolean isoDep() {
        return isoDep;
    }

    /** Halted by InDeselect; InSelect or InDataExchange wakes it again. */
    boolean deselected() {
        return deselected;
    }

    void deselected(boolean value) {
        this.deselected = value;
    }

    /** The chip left the field, or the field went off: the target can no longer answer. */
    boolean lost() {
        return lost;
    }

    void markLost() {
        this.lost = true;
    }
}
