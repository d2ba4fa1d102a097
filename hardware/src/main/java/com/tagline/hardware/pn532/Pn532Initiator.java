package com.tagline.hardware.pn532;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The initiator commands of {@link Pn532} (UM0701-02 §7.3): listing Type A targets and exchanging
 * data with them, with chaining and status-byte checks (pn532.md §3.1–§3.3).
 */
final class Pn532Initiator {
    /** Tg bit 6 on InDataExchange: more DataOut follows (nfcpy {@code in_data_exchange(more)}). */
    private static final int MI = Pn532Status.MI;
    /** Longest CommTimeout index: 100 µs · 2^15 ≈ 3.3 s (RFConfiguration item 02). */
    private static final int MAX_TIMEOUT_INDEX = 16;
    /** ATR_RES time-out index sent along with CommTimeout: 0B = 102.4 ms, the default. */
    private static final int ATR_RES_TIMEOUT_INDEX = 0x0B;

    private final Pn532 pn532;

    Pn532Initiator(Pn532 pn532) {
        this.pn532 = pn532;
    }

    List<PassiveTarget> inListPassiveTarget(int maxTargets, byte[] initiatorData) {
        if (maxTargets < 1 || maxTargets > 2) {
            throw new IllegalArgumentException("MaxTg must be 1 or 2: " + maxTargets);
        }
        if (Boolean.FALSE.equals(pn532.crcAState())) {
            pn532.crcA(true);
        }
        byte[] params = Pn532.concat(new byte[] {(byte) maxTargets, 0x00}, initiatorData);
        byte[] payload = pn532.command("InListPassiveTarget", 0x4A,
                pn532.settings.timeouts().listPassiveTarget(), params);
        return PassiveTarget.parseTypeA(payload);
    }

    byte[] inDataExchange(int tg, byte[] dataOut) {
        int chunk = pn532.settings.dataExchangeChunk();
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        int off = 0;
        byte[] payload;
        do {
            int n = Math.min(chunk, dataOut.length - off);
            boolean more = off + n < dataOut.length;
            payload = dataExchange(tg | (more ? MI : 0), Arrays.copyOfRange(dataOut, off, off + n));
            in.write(payload, 1, payload.length - 1);
            off += n;
        } while (off < dataOut.length);
        while ((payload[0] & MI) != 0) {
            payload = dataExchange(tg, new byte[0]);
            in.write(payload, 1, payload.length - 1);
        }
        return in.toByteArray();
    }

    /** One InDataExchange frame; returns {@code Status DataIn} after checking the status. */
    private byte[] dataExchange(int tgByte, byte[] data) {
        byte[] params = Pn532.concat(new byte[] {(byte) tgByte}, data);
        byte[] payload = pn532.command("InDataExchange", 0x40, pn532.settings.timeouts().dataExchange(), params);
        requireStatus("InDataExchange", payload);
        return payload;
    }

    byte[] inCommunicateThru(byte[] dataOut, Duration rfTimeout) {
        int index = commTimeoutIndex(rfTimeout);
        int current = pn532.commTimeoutIndex();
        // A CommTimeout that covers the frame and is at most one step (twice) longer is kept, so a Type 2 tag's
        // reads (5 ms) and writes (10 ms) share one setting instead of an RFConfiguration at every switch.
        if (current < index || current > index + 1) {
            pn532.rfTimings(ATR_RES_TIMEOUT_INDEX, index);
            current = index;
        }
        Duration hostTimeout = indexDuration(current).plus(pn532.settings.timeouts().command());
        byte[] payload = pn532.command("InCommunicateThru", 0x42, hostTimeout, dataOut);
        requireStatus("InCommunicateThru", payload);
        return Arrays.copyOfRange(payload, 1, payload.length);
    }

    void statusCommand(String name, int code, int... params) {
        byte[] p = new byte[params.length];
        for (int i = 0; i < params.length; i++) {
            p[i] = (byte) params[i];
        }
        requireStatus(name, pn532.command(name, code, p));
    }

    private static void requireStatus(String name, byte[] payload) {
        if (payload.length < 1) {
            throw new Pn532FrameException(name + " answered without a status byte");
        }
        Pn532Status.check(name, payload[0] & 0xFF);
    }

    /** The smallest index n with 100 µs · 2^(n−1) ≥ {@code timeout} (pn532.md §3.4, nfcpy). */
    static int commTimeoutIndex(Duration timeout) {
        long micros = Math.max(1, timeout.toNanos() / 1000);
        for (int n = 1; n <= MAX_TIMEOUT_INDEX; n++) {
            if (100L << (n - 1) >= micros) {
                return n;
            }
        }
        return MAX_TIMEOUT_INDEX;
    }

    static Duration indexDuration(int index) {
        return Duration.ofNanos((100L << (index - 1)) * 1000);
    }
}
