package com.tagline.simulator.ntag424;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.hardware.tag.Target;
import com.tagline.simulator.field.TearPoint;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link TagLink} to one {@link SimulatedNtag424} in the field, with fault injection (architecture §7):
 *
 * <ul>
 *   <li><b>Tear</b> ({@link #tearNext}): the next command with a given INS is cut either before the chip
 *       applies it or after (the answer is lost). Either way the chip is power-cycled and the host gets
 *       {@link TagLostException}. Single-frame commands are all-or-nothing, as on the chip (DS §10.8.2).</li>
 *   <li><b>Leaving the field</b> ({@link #removeFromField()}): every exchange throws
 *       {@link TagLostException} until {@link #putBack()}, which power-cycles the chip.</li>
 *   <li><b>Slow answers</b> ({@link #responseLatency}, {@link #frameWaitingTimeout}): each answer is delayed
 *       through the {@link Sleeper}; when the latency exceeds the timeout the chip still applies the command
 *       (its state, including any authentication, is kept) but the host waits only the timeout and gets
 *       {@link TagLostException}.</li>
 * </ul>
 *
 * <p>Counts exchanges and bytes for benchmarks. The target is ISO-DEP (ATQA 0344, SAK 20, ATS
 * 06 77 77 71 02 80, ntag424.md §1). Threading: not thread-safe; the reader thread owns the link.
 */
public final class SimulatedNtag424Link implements TagLink {
    static final int ATQA = 0x0344;
    static final int SAK = 0x20;
    static final byte[] ATS = {0x06, 0x77, 0x77, 0x71, 0x02, (byte) 0x80};

    private final SimulatedNtag424 chip;
    private final Sleeper sleeper;
    private boolean inField = true;
    private Integer tearIns;
    private TearPoint tearPoint;
    private Duration latency = Duration.ZERO;
    private Duration timeout;
    private long exchanges;
    private long bytesSent;
    private long bytesReceived;

    public SimulatedNtag424Link(SimulatedNtag424 chip) {
        this(chip, Sleeper.real());
    }

    public SimulatedNtag424Link(SimulatedNtag424 chip, Sleeper sleeper) {
        this.chip = Objects.requireNonNull(chip);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    public SimulatedNtag424 chip() {
        return chip;
    }

    @Override
    public byte[] transceive(byte[] apdu) {
        if (!inField) {
            throw new TagLostException("NTAG 424 DNA " + chip.uidHex() + " is not in the field");
        }
        exchanges++;
        bytesSent += apdu.length;
        if (tearIns != null && apdu.length > 1 && (apdu[1] & 0xFF) == tearIns) {
            TearPoint point = tearPoint;
            tearIns = null;
            tearPoint = null;
            if (point == TearPoint.AFTER_APPLY) {
                chip.process(apdu);
            }
            chip.powerCycle();
            throw new TagLostException(String.format("NTAG 424 DNA %s torn %s INS %02X", chip.uidHex(),
                    point == TearPoint.AFTER_APPLY ? "after applying" : "before applying", apdu[1] & 0xFF));
        }
        byte[] response = chip.process(apdu);
        if (timeout != null && latency.compareTo(timeout) > 0) {
            sleeper.sleep(timeout);
            throw new TagLostException("NTAG 424 DNA " + chip.uidHex() + " did not answer within " + timeout);
        }
        if (!latency.isZero()) {
            sleeper.sleep(latency);
        }
        bytesReceived += response.length;
        return response;
    }

    /** Always fails: NTAG 424 DNA is an ISO-DEP target and speaks APDUs only. */
    @Override
    public byte[] transceiveRaw(byte[] frame, Duration timeout) {
        throw new TaglineException("NTAG 424 DNA " + chip.uidHex()
                + " is an ISO-DEP target; raw Type 2 frames are not supported, use transceive");
    }

    @Override
    public Target target() {
        return new Target(chip.uid(), ATQA, SAK, ATS);
    }

    // ---- fault injection ---------------------------------------------------------------------------

    /** Tears the next exchange whose INS byte is {@code ins}, once. Replaces an earlier armed tear. */
    public void tearNext(int ins, TearPoint point) {
        this.tearIns = ins & 0xFF;
        this.tearPoint = Objects.requireNonNull(point);
    }

    /** Disarms a tear that has not happened yet. */
    public void cancelTear() {
        this.tearIns = null;
        this.tearPoint = null;
    }

    /** The chip leaves the field: every exchange throws {@link TagLostException} until {@link #putBack()}. */
    public void removeFromField() {
        inField = false;
    }

    /** The chip comes back: power-cycled, unauthenticated, MF selected. */
    public void putBack() {
        chip.powerCycle();
        inField = true;
    }

    public boolean inField() {
        return inField;
    }

    /** Delay of every answer (default none). */
    public void responseLatency(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = value;
    }

    /** Frame waiting time the host grants; {@code null} (default) waits for any latency. */
    public void frameWaitingTimeout(Duration value) {
        this.timeout = value;
    }

    // ---- counters ------------------------------------------------------------------------------------

    public long exchanges() {
        return exchanges;
    }

    /** C-APDU bytes sent to the chip, torn and timed-out exchanges included. */
    public long bytesSent() {
        return bytesSent;
    }

    /** R-APDU bytes delivered to the host. */
    public long bytesReceived() {
        return bytesReceived;
    }

    public void resetCounters() {
        exchanges = 0;
        bytesSent = 0;
        bytesReceived = 0;
    }

    @Override
    public String toString() {
        return "SimulatedNtag424Link[" + chip.uidHex() + (inField ? "" : ", out of field") + "]";
    }
}
