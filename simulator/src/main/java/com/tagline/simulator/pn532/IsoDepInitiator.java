package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.BitRate;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Optional;

/**
 * The PN532 firmware's own ISO/IEC 14443-4 PCD, which InDataExchange uses with a target activated with RATS
 * (UM0701-02 §7.3.8: "the PN532 ... handles the ISO/IEC 14443-4 protocol"): it splits the APDU into I-blocks
 * of at most FSC bytes with chaining, answers the PICC's S(WTX) requests, and acknowledges the PICC's chained
 * I-blocks, following the PCD rules of ISO/IEC 14443-4:2016 §7.5.4.1 (block number 0 after activation,
 * toggled on each I-block or R(ACK) received with the current number). Blocks carry no CID: the firmware
 * activates with CID 0 ({@link #RATS_PARAMETER}). A mute PICC ends the exchange (status 01 for the host).
 *
 * <p>Threading: emulator thread only.
 */
final class IsoDepInitiator {
    /**
     * RATS parameter byte the PN532 firmware sends with fAutomaticRATS: FSDI 5 (FSD 64), CID 0. [inferred] from
     * the RATS {@code E0 50} an ACR122U (a PN532 reader) sent in a sniffed trace (Proxmark3 issue #70); UM0701-02
     * does not list it. ({@code E0 80}, FSD 256, in other PN53x traces is the RATS hosts such as libnfc frame
     * themselves.) The datasheet timing model's default FSD is the same ({@link DatasheetTiming#readerFsd}).
     */
    static final int RATS_PARAMETER = 0x50;
    private static final int BLOCK_OVERHEAD = 3; // PCB and CRC_A

    private IsoDepInitiator() {
    }

    /** Sends {@code apdu} to {@code picc} for {@code target}; the R-APDU, or empty when the PICC went mute. */
    static Optional<byte[]> exchange(IsoDepPicc picc, ListedTarget target, byte[] apdu) {
        int room = picc.fsc() - BLOCK_OVERHEAD;
        int offset = 0;
        Optional<byte[]> answer;
        while (true) {
            int n = Math.min(room, apdu.length - offset);
            boolean more = offset + n < apdu.length;
            byte[] block = new byte[n + 1];
            block[0] = (byte) (IsoDepPicc.PCB_I_BLOCK | target.pcdBlockNumber() | (more ? IsoDepPicc.CHAINING : 0));
            System.arraycopy(apdu, offset, block, 1, n);
            offset += n;
            answer = withoutWtx(picc, picc.receive(block));
            if (!more) {
                break;
            }
            if (answer.isEmpty() || !isAck(answer.get(), target.pcdBlockNumber())) {
                return Optional.empty();
            }
            target.togglePcdBlockNumber();
        }
        return collect(picc, target, answer);
    }

    /**
     * The PPS InPSL sends (UM0701-02 §7.3.7; ISO/IEC 14443-4 §5.3): PPSS with CID 0, PPS0 announcing PPS1, PPS1
     * with DSI = {@code toPcd} and DRI = {@code toPicc}. True when the PICC confirmed (its PPS response); the
     * rate then lives in its session ({@link IsoDepPicc#rate()}).
     */
    static boolean pps(IsoDepPicc picc, BitRate toPicc, BitRate toPcd) {
        byte[] request = {(byte) IsoDepPicc.PPS_START, (byte) IsoDepPicc.PPS1_FOLLOWING,
            (byte) (toPcd.code() << 2 | toPicc.code())};
        return picc.receive(request).isPresent();
    }

    /** Reads the PICC's I-blocks, acknowledging each chained one, into one R-APDU. */
    private static Optional<byte[]> collect(IsoDepPicc picc, ListedTarget target, Optional<byte[]> first) {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        Optional<byte[]> answer = first;
        while (true) {
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            byte[] block = answer.get();
            int pcb = block[0] & 0xFF;
            if ((pcb & 0xE2) != IsoDepPicc.PCB_I_BLOCK || (pcb & IsoDepPicc.BLOCK_NUMBER) != target.pcdBlockNumber()) {
                return Optional.empty();
            }
            target.togglePcdBlockNumber();
            response.writeBytes(Arrays.copyOfRange(block, 1, block.length));
            if ((pcb & IsoDepPicc.CHAINING) == 0) {
                return Optional.of(response.toByteArray());
            }
            byte[] ack = {(byte) (IsoDepPicc.PCB_R_BLOCK | target.pcdBlockNumber())};
            answer = withoutWtx(picc, picc.receive(ack));
        }
    }

    /** Answers S(WTX) requests with the same WTXM until the PICC sends something else (§7.3). */
    private static Optional<byte[]> withoutWtx(IsoDepPicc picc, Optional<byte[]> answer) {
        Optional<byte[]> a = answer;
        while (a.isPresent() && (a.get()[0] & 0xF7) == IsoDepPicc.PCB_S_WTX && a.get().length == 2) {
            a = picc.receive(a.get());
        }
        return a;
    }

    private static boolean isAck(byte[] block, int number) {
        return block.length == 1 && (block[0] & 0xF7) == (IsoDepPicc.PCB_R_BLOCK | number);
    }
}
