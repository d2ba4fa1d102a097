package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.Ats;
import com.tagline.hardware.tag.BitRate;
import com.tagline.simulator.field.FieldChip;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The PICC side of ISO/IEC 14443-4 (the half-duplex block transmission protocol) for one activated ISO-DEP
 * chip, from the ATS on: PPS and the bit rate it sets, I-blocks with block numbers and chaining both ways,
 * R(ACK)/R(NAK), S(WTX) and S(DESELECT). Both the PN532 firmware's own ISO-DEP (InDataExchange, InPSL,
 * {@link IsoDepInitiator}) and raw blocks a host frames itself (InCommunicateThru, as nfcpy and libnfc's
 * presence check do) reach the chip here, so they share one block number and one bit rate, as they do on a
 * real chip.
 *
 * <p>Rules of ISO/IEC 14443-4:2016 §7.5.4.2 (PICC rules): the block number starts at 1 (rule C); an I-block
 * toggles it (rule D); an R(ACK) with the other number continues a chaining of the PICC (rule E); an R-block
 * with the current number gets the last block again (rule F); an R(NAK) with the other number gets R(ACK)
 * (rule G). Blocks are at most FSD bytes with their CRC (FSDI from RATS, §5.1); a received block longer than
 * FSC, a wrong CID, a NAD (not supported by the NTAG 424 DNA, TC1 = 02) or a protocol error finds the PICC mute
 * (§7.5.5). Frames here carry no CRC_A: {@link Iso14443aPicc} checks and adds it.
 *
 * <p>Threading: emulator thread only.
 */
final class IsoDepPicc {
    static final int PCB_I_BLOCK = 0x02;
    static final int PCB_R_BLOCK = 0xA2;
    static final int PCB_S_DESELECT = 0xC2;
    static final int PCB_S_WTX = 0xF2;
    static final int BLOCK_NUMBER = 0x01;
    static final int CHAINING = 0x10;
    static final int NAK = 0x10;
    static final int CID_FOLLOWING = 0x08;
    private static final int NAD_FOLLOWING = 0x04;
    static final int PPS_START = 0xD0;
    static final int PPS1_FOLLOWING = 0x11;
    /** WTXM asked for with each S(WTX) request (1..59, §7.3): one more FWT. */
    private static final int WTXM = 0x01;

    private final FieldChip chip;
    private final int cid;
    private final boolean cidSupported;
    private final int fsd;
    private final int fsc;
    private final IntSupplier wtxRequests;
    private int blockNumber = 1;
    private byte[] lastBlock;
    private boolean ppsAllowed = true;
    private BitRate rate = BitRate.KBPS_106;
    private ByteArrayOutputStream received;
    private byte[] pending;
    private int pendingOffset;
    private int wtxLeft;
    private boolean replyWithCid;
    private boolean deselected;

    /**
     * @param ratsParameter the RATS parameter byte: FSDI (bits 8..5), CID (bits 4..1)
     * @param wtxRequests   how many S(WTX) requests to send before the answer to the next APDU (fault
     *                      injection: a chip that needs more time)
     */
    IsoDepPicc(FieldChip chip, int ratsParameter, IntSupplier wtxRequests) {
        this.chip = chip;
        this.cid = ratsParameter & 0x0F;
        this.fsd = Ats.frameSize(ratsParameter >> 4);
        byte[] ats = chip.ats();
        this.fsc = Ats.frameSize(ats.length > 1 ? ats[1] & 0x0F : 2);
        this.cidSupported = tc(ats).map(tc -> (tc & 0x02) != 0).orElse(false);
        this.wtxRequests = wtxRequests;
        this.lastBlock = rBlock(true); // nothing sent yet: a retransmission request gets R(ACK)
    }

    /** True once S(DESELECT) was answered: the chip is in HALT (ISO/IEC 14443-4 §8). */
    boolean deselected() {
        return deselected;
    }

    /**
     * The RF bit rate of this session: 106 kbit/s from the activation, then what a confirmed PPS set (ISO/IEC
     * 14443-4 §5.3); a new activation is a new session, at 106 again. One rate per session in this model: a PPS
     * with different rates each way is timed at the slower one.
     */
    BitRate rate() {
        return rate;
    }

    /** FSC of the chip, from its ATS (T0 bits 4..1). */
    int fsc() {
        return fsc;
    }

    /** The chip's answer to {@code block} (without CRC_A), or empty when it stays mute. */
    Optional<byte[]> receive(byte[] block) {
        if (block.length == 0 || block.length + 2 > fsc) {
            return Optional.empty();
        }
        int pcb = block[0] & 0xFF;
        if (ppsAllowed && (pcb & 0xF0) == PPS_START) {
            return pps(block);
        }
        ppsAllowed = false;
        int header = addressing(pcb, block);
        if (header < 0) {
            return Optional.empty();
        }
        byte[] inf = Arrays.copyOfRange(block, header, block.length);
        if ((pcb & 0xE2) == PCB_I_BLOCK) {
            return iBlock(pcb, inf);
        }
        if ((pcb & 0xE6) == PCB_R_BLOCK && inf.length == 0) {
            return rBlock(pcb);
        }
        if ((pcb & 0xF7) == PCB_S_DESELECT && inf.length == 0) {
            deselected = true;
            return Optional.of(sBlock(PCB_S_DESELECT));
        }
        if ((pcb & 0xF7) == PCB_S_WTX && inf.length == 1 && wtxLeft > 0 && pending != null) {
            return sent(wtxLeft-- > 1 ? wtxRequest() : nextChunk());
        }
        return Optional.empty();
    }

    /**
     * PPS (§5.3): only as the first block after the ATS, for this CID. PPS1 carries DSI (bits 4..3, PICC to PCD)
     * and DRI (bits 2..1, PCD to PICC); the chip confirms the rates it takes ({@link FieldChip#acceptsPps}) and
     * stays mute to others, keeping 106 kbit/s. Both the firmware's InPSL ({@link IsoDepInitiator#pps}) and a
     * host's raw PPS block come here.
     */
    private Optional<byte[]> pps(byte[] block) {
        ppsAllowed = false;
        boolean valid = (block[0] & 0x0F) == cid && (block.length == 2 && block[1] == 0x01
                || block.length == 3 && (block[1] & 0xFF) == PPS1_FOLLOWING && (block[2] & 0xF0) == 0);
        if (!valid) {
            return Optional.empty();
        }
        BitRate toPicc = BitRate.ofCode(block.length == 3 ? block[2] & 0x03 : 0);
        BitRate toPcd = BitRate.ofCode(block.length == 3 ? (block[2] >> 2) & 0x03 : 0);
        if (!chip.acceptsPps(toPicc, toPcd)) {
            return Optional.empty();
        }
        rate = toPicc.compareTo(toPcd) <= 0 ? toPicc : toPcd;
        return Optional.of(new byte[] {block[0]});
    }

    /** Length of PCB [CID]; -1 when the block is not for this PICC or carries a NAD it does not support. */
    private int addressing(int pcb, byte[] block) {
        boolean hasCid = (pcb & CID_FOLLOWING) != 0;
        if ((pcb & 0x80) == 0 && (pcb & NAD_FOLLOWING) != 0) {
            return -1; // an I-block with a NAD
        }
        if (hasCid && (!cidSupported || block.length < 2 || (block[1] & 0x0F) != cid)) {
            return -1;
        }
        if (!hasCid && cid != 0) {
            return -1;
        }
        replyWithCid = hasCid;
        return hasCid ? 2 : 1;
    }

    private Optional<byte[]> iBlock(int pcb, byte[] inf) {
        if (pending != null) {
            return Optional.empty(); // the PCD must acknowledge our chaining first
        }
        blockNumber ^= 1;
        if (received == null) {
            received = new ByteArrayOutputStream();
        }
        received.writeBytes(inf);
        if ((pcb & CHAINING) != 0) {
            return sent(rBlock(true));
        }
        byte[] apdu = received.toByteArray();
        received = null;
        pending = chip.processApdu(apdu);
        pendingOffset = 0;
        if (pending.length == 0) {
            pending = null;
            return Optional.empty();
        }
        wtxLeft = wtxRequests.getAsInt();
        return sent(wtxLeft > 0 ? wtxRequest() : nextChunk());
    }

    private Optional<byte[]> rBlock(int pcb) {
        boolean nak = (pcb & NAK) != 0;
        if ((pcb & BLOCK_NUMBER) == blockNumber) {
            return Optional.of(lastBlock.clone());
        }
        if (nak) {
            return Optional.of(rBlock(true));
        }
        if (pending == null || wtxLeft > 0) {
            return Optional.empty();
        }
        blockNumber ^= 1;
        return sent(nextChunk());
    }

    /** The next I-block of the pending answer, with the chaining bit when more follows (§7.5.2). */
    private byte[] nextChunk() {
        int room = fsd - 3 - (replyWithCid ? 1 : 0);
        int n = Math.min(room, pending.length - pendingOffset);
        boolean more = pendingOffset + n < pending.length;
        byte[] block = header(PCB_I_BLOCK | blockNumber | (more ? CHAINING : 0), n);
        System.arraycopy(pending, pendingOffset, block, block.length - n, n);
        pendingOffset += n;
        if (!more) {
            pending = null;
        }
        return block;
    }

    private byte[] wtxRequest() {
        byte[] block = header(PCB_S_WTX, 1);
        block[block.length - 1] = WTXM;
        return block;
    }

    private byte[] rBlock(boolean ack) {
        return header(PCB_R_BLOCK | (ack ? 0 : NAK) | blockNumber, 0);
    }

    private byte[] sBlock(int pcb) {
        return header(pcb, 0);
    }

    /** PCB [CID] followed by room for {@code inf} bytes. */
    private byte[] header(int pcb, int inf) {
        byte[] block = new byte[(replyWithCid ? 2 : 1) + inf];
        block[0] = (byte) (pcb | (replyWithCid ? CID_FOLLOWING : 0));
        if (replyWithCid) {
            block[1] = (byte) cid;
        }
        return block;
    }

    private Optional<byte[]> sent(byte[] block) {
        lastBlock = block;
        return Optional.of(block.clone());
    }

    /** TC1 of an ATS (TL T0 [TA] [TB] [TC] ...), if present. */
    private static Optional<Integer> tc(byte[] ats) {
        if (ats.length < 2 || (ats[1] & 0x40) == 0) {
            return Optional.empty();
        }
        int at = 2 + ((ats[1] & 0x10) != 0 ? 1 : 0) + ((ats[1] & 0x20) != 0 ? 1 : 0);
        return at < ats.length ? Optional.of(ats[at] & 0xFF) : Optional.empty();
    }
}
