package com.tagline.simulator.pn532;

import java.util.Arrays;

/**
 * What an activated ISO-DEP chip answers to a raw ISO/IEC 14443-4 R-block sent with InCommunicateThru, as
 * libnfc's presence check does ({@code 42 B2}, pn532.md §6 nfc-poll). PICC rules of ISO/IEC 14443-4 §7.5.4:
 * an R-block carrying the PICC's current block number gets the last block again; an R(NAK) with the other
 * number gets R(ACK) with the PICC's number. Other raw frames find the chip mute (empty answer).
 *
 * <p>The PICC block number starts at 1 after activation and toggles once per APDU exchanged through
 * InDataExchange; chaining inside one exchange (the firmware's business) is not counted.
 */
final class RawIsoDepBlocks {
    private static final int R_BLOCK_MASK = 0xE6;
    private static final int R_BLOCK = 0xA2;
    private static final int NAK = 0x10;
    private static final int BLOCK_NUMBER = 0x01;
    private static final int I_BLOCK = 0x02;

    private RawIsoDepBlocks() {
    }

    /** The chip's answer to {@code frame} (without CRC); empty when it stays mute. */
    static byte[] answer(ListedTarget target, byte[] frame) {
        if (frame.length != 1 || (frame[0] & R_BLOCK_MASK) != R_BLOCK) {
            return new byte[0];
        }
        int piccNumber = target.piccBlockNumber();
        if ((frame[0] & BLOCK_NUMBER) == piccNumber) {
            return target.lastBlock();
        }
        return (frame[0] & NAK) != 0 ? new byte[] {(byte) (R_BLOCK | piccNumber)} : new byte[0];
    }

    /** The I-block the chip sent for {@code response} with block number {@code number}. */
    static byte[] iBlock(int number, byte[] response) {
        byte[] block = new byte[response.length + 1];
        block[0] = (byte) (I_BLOCK | number);
        System.arraycopy(response, 0, block, 1, response.length);
        return block;
    }

    /** The block a freshly activated chip would repeat: none was sent, so R(ACK) with its number. */
    static byte[] initialBlock(int number) {
        return new byte[] {(byte) (R_BLOCK | number)};
    }

    static byte[] copy(byte[] block) {
        return Arrays.copyOf(block, block.length);
    }
}
