package com.tagline.station.run;

import com.tagline.station.workflow.Antenna;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.ChipInField;
import com.tagline.station.workflow.EncodeOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hand-fed bench mode (issue 5): the reader thread polls the antenna; a chip placed on it is
 * encoded once, then the station waits for it to be removed before it encodes the next. A chip left
 * on the antenna is never encoded twice in a row.
 *
 * <p>Each {@link #run()} is one poll, scheduled again and again on the reader thread, so that other work for
 * that thread (an operator's {@code scrap}) runs between two polls rather than never.
 */
final class BenchLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(BenchLoop.class);
    /** How long the reader thread rests between two polls. */
    static final Duration POLL = Duration.ofMillis(200);

    private final Antenna antenna;
    private final ChipEncoder encoder;
    private final Consumer<EncodeOutcome> outcomes;
    private volatile boolean stopped;
    private volatile boolean paused;
    private String onAntenna;

    BenchLoop(Antenna antenna, ChipEncoder encoder, Consumer<EncodeOutcome> outcomes) {
        this.antenna = antenna;
        this.encoder = encoder;
        this.outcomes = outcomes;
    }

    /** One poll; a failure is logged and the next poll starts afresh. */
    @Override
    public void run() {
        if (stopped) {
            return;
        }
        try {
            once();
        } catch (RuntimeException e) {
            log.error("event=bench_error error=\"{}\"", e.toString());
            onAntenna = null;
        }
    }

    /** One poll: encode a newly placed chip, or notice that the chip was removed. */
    void once() {
        if (paused) {
            return;
        }
        Optional<String> uid = antenna.detect().map(ChipInField::uidHex);
        if (uid.isEmpty()) {
            onAntenna = null;
            return;
        }
        if (uid.get().equals(onAntenna)) {
            return;
        }
        EncodeOutcome outcome = encoder.encode(antenna, () -> stopped);
        if (outcome.reason() == com.tagline.station.personalize.Reason.NO_JOB) {
            return; // the chip waits on the antenna for the next lease; the encoder logs the wait once
        }
        onAntenna = uid.get();
        outcomes.accept(outcome);
        // one INFO line per chip is the encoder's; waiting for the removal is detail
        log.debug("event=bench_waiting_for_removal uid={} outcome={}", uid.get(), outcome.reason().code());
    }

    void stop() {
        stopped = true;
    }

    /** The operator's pause: chips placed on the antenna are left alone until {@link #resume()}. Any thread. */
    boolean pause() {
        boolean was = paused;
        paused = true;
        return !was;
    }

    boolean resume() {
        boolean was = paused;
        paused = false;
        return was;
    }

    boolean paused() {
        return paused;
    }
}
