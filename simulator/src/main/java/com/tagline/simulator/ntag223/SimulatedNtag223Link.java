package com.tagline.simulator.ntag223;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.hardware.tag.Target;
import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.ntag424.Sleeper;
import com.tagline.simulator.field.TearPoint;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link TagLink} straight to one {@link SimulatedNtag223} (no PN532), with fault injection
 * (architecture §7):
 *
 * <ul>
 *   <li><b>Tear</b> ({@link #tearNext}, {@link #tearNextWrite}): the next matching frame is cut before
 *       the chip applies it or after (the answer is lost). Either way the chip is power-cycled and the
 *       host gets {@link TagLostException}. A page write is all-or-nothing, as on the chip; a
 *       COMPATIBILITY_WRITE tears at its data frame.</li>
 *   <li><b>Leaving the field</b> ({@link #removeFromField()}): every exchange throws until
 *       {@link #putBack()}, which power-cycles the chip.</li>
 *   <li><b>Mute chip</b>: an empty answer (IDLE after a NAK, HALT) waits the host's timeout and throws
 *       {@link TagLostException}; {@link #reactivate()} re-selects as a reader would.</li>
 *   <li><b>Slow answers</b> ({@link #responseLatency}): each answer is delayed through the
 *       {@link Sleeper}; when the latency exceeds the host's timeout the chip still applies the command
 *       but the host waits only the timeout and gets {@link TagLostException}.</li>
 * </ul>
 *
 * <p>The target is a Type 2 tag (ATQA 0044, SAK 00, no ATS; ntag223.md §1). Counts exchanges.
 * Threading: not thread-safe; the reader thread owns the link.
 */
public final class SimulatedNtag223Link implements TagLink {
    private final SimulatedNtag223 chip;
    private final Sleeper sleeper;
    private boolean inField = true;
    private int compatibilityWritePage = -1;
    private Integer tearCommand;
    private Integer tearPage;
    private TearPoint tearPoint;
    private Duration latency = Duration.ZERO;
    private long exchanges;

    public SimulatedNtag223Link(SimulatedNtag223 chip) {
        this(chip, Sleeper.real());
    }

    public SimulatedNtag223Link(SimulatedNtag223 chip, Sleeper sleeper) {
        this.chip = Objects.requireNonNull(chip);
        this.sleeper = Objects.requireNonNull(sleeper);
    }

    public SimulatedNtag223 chip() {
        return chip;
    }

    /** Always fails: NTAG 223 DNA has no ISO-DEP (ntag223.md §1). */
    @Override
    public byte[] transceive(byte[] apdu) {
        throw new TaglineException("NTAG 223 DNA " + chip.uidHex() + " is a Type 2 target without ISO-DEP;"
                + " use transceiveRaw");
    }

    @Override
    public byte[] transceiveRaw(byte[] frame, Duration timeout) {
        if (!inField) {
            throw new TagLostException("NTAG 223 DNA " + chip.uidHex() + " is not in the field");
        }
        exchanges++;
        int command = compatibilityWritePage >= 0 ? SimulatedNtag223.CMD_COMPATIBILITY_WRITE : frame[0] & 0xFF;
        int page = compatibilityWritePage >= 0 ? compatibilityWritePage : frame.length > 1 ? frame[1] & 0xFF : -1;
        boolean dataFrame = compatibilityWritePage >= 0;
        compatibilityWritePage = -1;
        if (tearMatches(command, page, dataFrame || command != SimulatedNtag223.CMD_COMPATIBILITY_WRITE)) {
            tear(frame, command);
        }
        byte[] answer = chip.processType2(frame);
        if (!dataFrame && command == SimulatedNtag223.CMD_COMPATIBILITY_WRITE && isAck(answer)) {
            compatibilityWritePage = page;
        }
        if (answer.length == 0 || timeout != null && latency.compareTo(timeout) > 0) {
            sleeper.sleep(timeout != null ? timeout : latency);
            throw new TagLostException("NTAG 223 DNA " + chip.uidHex() + " did not answer"
                    + (timeout != null ? " within " + timeout : ""));
        }
        if (!latency.isZero()) {
            sleeper.sleep(latency);
        }
        return answer;
    }

    /** Only the frame that changes the chip can tear: WRITE, or COMPATIBILITY_WRITE's data frame. */
    private boolean tearMatches(int command, int page, boolean applyingFrame) {
        boolean write = command == SimulatedNtag223.CMD_WRITE || command == SimulatedNtag223.CMD_COMPATIBILITY_WRITE;
        return tearPoint != null && applyingFrame && (tearCommand == null || tearCommand == command)
                && (tearPage == null || write && tearPage == page);
    }

    private void tear(byte[] frame, int command) {
        TearPoint point = tearPoint;
        cancelTear();
        if (point == TearPoint.AFTER_APPLY) {
            chip.processType2(frame);
        }
        chip.powerCycle();
        throw new TagLostException(String.format("NTAG 223 DNA %s torn %s command %02X", chip.uidHex(),
                point == TearPoint.AFTER_APPLY ? "after applying" : "before applying", command));
    }

    private static boolean isAck(byte[] answer) {
        return answer.length == 1 && answer[0] == FieldChip.ACK;
    }

    @Override
    public Target target() {
        return new Target(chip.uid(), chip.atqa(), chip.sak(), chip.ats());
    }

    // ---- fault injection ---------------------------------------------------------------------------

    /** Tears the next frame of command {@code command} (e.g. A2h), once. Replaces an earlier armed tear. */
    public void tearNext(int command, TearPoint point) {
        arm(command & 0xFF, null, point);
    }

    /** Tears the next WRITE or COMPATIBILITY_WRITE to {@code page}, once. */
    public void tearNextWrite(int page, TearPoint point) {
        arm(null, page & 0xFF, point);
    }

    private void arm(Integer command, Integer page, TearPoint point) {
        this.tearCommand = command;
        this.tearPage = page;
        this.tearPoint = Objects.requireNonNull(point);
    }

    public void cancelTear() {
        tearCommand = null;
        tearPage = null;
        tearPoint = null;
    }

    /** The chip leaves the field: every exchange throws {@link TagLostException} until {@link #putBack()}. */
    public void removeFromField() {
        inField = false;
    }

    /** The chip comes back: power-cycled, not authenticated. */
    public void putBack() {
        chip.powerCycle();
        compatibilityWritePage = -1;
        inField = true;
    }

    /** The reader selects the chip again without switching the field off (WUPA + anticollision). */
    public void reactivate() {
        chip.activate();
        compatibilityWritePage = -1;
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

    public long exchanges() {
        return exchanges;
    }

    @Override
    public String toString() {
        return "SimulatedNtag223Link[" + chip.uidHex() + (inField ? "" : ", out of field") + "]";
    }
}
