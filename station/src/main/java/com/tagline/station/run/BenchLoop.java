package com.tagline.station.run;

import com.tagline.station.workflow.Antenna;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.ChipInField;
import com.tagline.station.workflow.EncodeOutcome;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hand-fed bench mode (issue 5): the reader thread polls the antenna; a chip placed on it is
 * encoded once, then the station waits for it to be removed before it encodes the next. A chip left
 * on the antenna is never encoded twice in a row.
 *
 * <p>Each {@link #poll()} is one task of the reader thread, scheduled again and again, never a loop that
 * keeps the thread: work the operator queues for the reader thread between polls (a chip scrapped) runs at
 * the next gap.
 */
final class BenchLoop {
    private static final Logger log = LoggerFactory.getLogger(BenchLoop.class);

    private final Antenna antenna;
    private final ChipEncoder encoder;
    private final Duration poll;
    private final Consumer<EncodeOutcome> outcomes;
    private volatile boolean stopped;
    private volatile boolean paused;
    private String onAntenna;
    private boolean failing;

    BenchLoop(Antenna antenna, ChipEncoder encoder, Duration poll, Consumer<EncodeOutcome> outcomes) {
        this.antenna = antenna;
        this.encoder = encoder;
        this.poll = poll;
        this.outcomes = outcomes;
    }

    /** Polls on {@code readerThread} every {@code poll} until {@link #stop()} or the executor's shutdown. */
    void startOn(ScheduledExecutorService readerThread) {
        readerThread.scheduleWithFixedDelay(this::poll, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One poll on the reader thread; a failure is logged when it starts and the next poll tries again. */
    void poll() {
        if (stopped) {
            return;
        }
        try {
            once();
            failing = false;
        } catch (RuntimeException e) {
            // the alarms say it while it lasts (READER_OFFLINE); the log says when it starts
            if (!failing) {
                log.error("event=bench_error error=\"{}\"", e.toString());
            } else {
                log.debug("event=bench_error error=\"{}\"", e.toString());
            }
            failing = true;
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
