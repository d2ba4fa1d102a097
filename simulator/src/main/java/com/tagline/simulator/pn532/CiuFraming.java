package com.tagline.simulator.pn532;

import java.io.ByteArrayOutputStream;
import java.util.Optional;

/**
 * How the PN532's contactless interface unit turns InCommunicateThru's DataOut into an ISO/IEC 14443-A frame
 * and the PICC's answer back into DataIn, as the CIU registers say (PN512 register map, which the PN532 CIU
 * shares; libnfc and nfcpy program them; pn532.md §3.3):
 *
 * <ul>
 *   <li>CIU_TxMode 6302 / CIU_RxMode 6303: bit 7 TxCRCEn / RxCRCEn (the CIU appends / checks and strips
 *       CRC_A), bits 1..0 framing (00 = ISO/IEC 14443-A; FeliCa and type B framings reach no type A
 *       chip).</li>
 *   <li>CIU_ManualRCV 630D bit 4 ParityDisable: the host's bytes are the bit stream with each data byte's odd
 *       parity bit after it, least significant bit first (libnfc {@code pn53x_wrap_frame}); answers come back
 *       the same way.</li>
 *   <li>CIU_BitFraming 633D bits 2..0 TxLastBits: valid bits of the last byte sent (7 for REQA and WUPA).</li>
 *   <li>CIU_Control 633C bits 2..0 RxLastBits: written with the valid bits of the last byte received.</li>
 * </ul>
 * The bit rate bits (TxSpeed, RxSpeed) are not checked: a host that sends PPS itself must switch them on a
 * real PN532, here a frame reaches a chip at whatever rate its ISO-DEP session negotiated ({@link RawFrames}).
 *
 * <p>Threading: emulator thread only.
 */
final class CiuFraming {
    static final int CIU_MANUAL_RCV = 0x630D;
    static final int CIU_BIT_FRAMING = 0x633D;
    private static final int PARITY_DISABLE = 0x10;
    private static final int TX_LAST_BITS = 0x07;
    private static final int FRAMING = 0x03;
    private static final int FRAMING_TYPE_A = 0x00;

    /** DataIn of one InCommunicateThru and the status byte it goes with. */
    record Received(RfStatus status, byte[] dataIn) {
    }

    private final Pn532Registers registers;

    CiuFraming(Pn532Registers registers) {
        this.registers = registers;
    }

    /**
     * The frame the CIU sends for {@code dataOut}; empty when no type A chip can receive it: no data, a
     * framing other than ISO/IEC 14443-A, or a parity-disabled stream whose parity bits are wrong (the PICC
     * drops a frame with a parity error) or whose length is no whole number of 9-bit characters.
     */
    Optional<AirFrame> transmit(byte[] dataOut) {
        if (dataOut.length == 0 || (registers.read(Pn532Registers.CIU_TX_MODE) & FRAMING) != FRAMING_TYPE_A
                || (registers.read(Pn532Registers.CIU_RX_MODE) & FRAMING) != FRAMING_TYPE_A) {
            return Optional.empty();
        }
        int txLastBits = registers.read(CIU_BIT_FRAMING) & TX_LAST_BITS;
        int lastBits = txLastBits == 0 ? 8 : txLastBits;
        Optional<AirFrame> frame = parityDisabled() ? removeParity(dataOut, lastBits)
                : Optional.of(new AirFrame(dataOut, lastBits));
        if (registers.txCrc()) {
            frame = frame.filter(f -> f.lastBits() == 8).map(f -> AirFrame.withCrc(f.bytes()));
        }
        return frame;
    }

    /** DataIn for the PICC's {@code answer}, with CRC_A checked and removed when RxCRCEn is set. */
    Received receive(AirFrame answer) {
        byte[] data = answer.bytes();
        int lastBits = answer.lastBits();
        if (registers.rxCrc()) {
            if (!answer.crcValid()) {
                registers.rxLastBits(lastBits);
                return new Received(RfStatus.CRC_ERROR, new byte[0]);
            }
            data = answer.withoutCrc();
        }
        if (parityDisabled() && (data.length > 1 || lastBits == 8)) {
            int bits = data.length * 9;
            registers.rxLastBits(bits % 8);
            return new Received(RfStatus.OK, addParity(data, bits));
        }
        registers.rxLastBits(lastBits);
        return new Received(RfStatus.OK, data);
    }

    private boolean parityDisabled() {
        return (registers.read(CIU_MANUAL_RCV) & PARITY_DISABLE) != 0;
    }

    /** Splits the host's bit stream into data bytes, checking each odd parity bit (ISO/IEC 14443-3 §6.2.3.1). */
    private static Optional<AirFrame> removeParity(byte[] stream, int lastBits) {
        int bits = (stream.length - 1) * 8 + lastBits;
        if (bits < 9) {
            return Optional.of(new AirFrame(stream, lastBits)); // a short frame carries no parity
        }
        if (bits % 9 != 0) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bits; i += 9) {
            int value = 0;
            for (int b = 0; b < 8; b++) {
                value |= bit(stream, i + b) << b;
            }
            if (bit(stream, i + 8) != oddParity(value)) {
                return Optional.empty();
            }
            out.write(value);
        }
        return Optional.of(AirFrame.of(out.toByteArray()));
    }

    private static byte[] addParity(byte[] data, int bits) {
        byte[] out = new byte[(bits + 7) / 8];
        int at = 0;
        for (byte d : data) {
            for (int b = 0; b < 8; b++) {
                setBit(out, at++, (d >> b) & 1);
            }
            setBit(out, at++, oddParity(d & 0xFF));
        }
        return out;
    }

    private static int oddParity(int value) {
        return (Integer.bitCount(value) + 1) & 1;
    }

    private static int bit(byte[] b, int index) {
        return (b[index / 8] >> (index % 8)) & 1;
    }

    private static void setBit(byte[] b, int index, int value) {
        b[index / 8] |= (byte) (value << (index % 8));
    }
}
