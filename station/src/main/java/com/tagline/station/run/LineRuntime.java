package com.tagline.station.run;

import com.tagline.hardware.line.LineIo;
import com.tagline.hardware.line.LineSignals;
import com.tagline.station.line.ItemEncoder;
import com.tagline.station.line.LineController;
import com.tagline.station.line.LineTiming;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import com.tagline.station.workflow.Antenna;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.EncodeOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conveyor in a running station (architecture §3): one thread owns the {@link LineController}
 * — line input events and encoder results are queued onto it and it ticks every
 * {@link #TICK} — while the chip at the antenna is encoded on the reader thread. An e-stop or
 * shutdown aborts the encoding in progress before its next step (recorded as interrupted).
 */
final class LineRuntime implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LineRuntime.class);
    /** Tick period: well under the shortest debounce and gate pulse (issue 5: 2–5 ms). */
    static final Duration TICK = Duration.ofMillis(3);
    /** How often an item without a tag asks again whether a lease arrived. */
    private static final Duration NO_JOB_RETRY = Duration.ofSeconds(1);

    private final ScheduledExecutorService lineThread = Executors.newSingleThreadScheduledExecutor(
            r -> daemon(r, "line"));
    private final LineController controller;
    private final AtomicLong aborted = new AtomicLong(-1);
    /** The chip of each item that failed, until the gate rejects it (then a tag it held goes on, §5). */
    private final java.util.Map<Long, String> failedChips = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Consumer<com.tagline.station.console.StationSnapshot.Line> published = l -> { };
    private com.tagline.station.console.StationSnapshot.Line lastPublished;

    LineRuntime(Clock clock, LineIo io, LineSignals signals, LineTiming timing, ExecutorService readerThread,
                Antenna antenna, ChipEncoder encoder, Consumer<EncodeOutcome> outcomes, Alarms alarms) {
        ItemEncoder items = new ItemEncoder() {
            @Override
            public void encode(long itemId, EncodeResult result) {
                readerThread.execute(() -> {
                    boolean passed = false;
                    try {
                        EncodeOutcome o = encodeWhenATagIsOnHand(itemId);
                        outcomes.accept(o);
                        passed = o.configured();
                        if (!passed) {
                            o.uidHex().ifPresent(uid -> failedChips.put(itemId, uid));
                        }
                        alarms.clear(Alarm.ENCODER_FAULT);
                    } catch (RuntimeException e) {
                        // The item must get a verdict, or the line waits in ENCODING for ever: it is rejected.
                        alarms.raise(Alarm.ENCODER_FAULT, "item " + itemId + " rejected: " + e.getMessage());
                        log.error("event=encode_failed item={} error=\"{}\"", itemId, e.toString(), e);
                    }
                    boolean verdict = passed;
                    lineThread.execute(() -> result.finished(itemId, verdict));
                });
            }

            /**
             * Without a leased tag (offline too long, leases expired beyond the grace) the item waits at
             * the antenna with the belt stopped — the line pauses, amber, with the NO_JOB or
             * LEASE_EXPIRED alarm saying why — instead of being rejected (issue 6).
             */
            private EncodeOutcome encodeWhenATagIsOnHand(long itemId) {
                BooleanSupplier stop = () -> aborted.get() == itemId;
                EncodeOutcome o = encoder.encode(antenna, stop);
                while (o.reason() == com.tagline.station.personalize.Reason.NO_JOB && !stop.getAsBoolean()
                        && !Thread.currentThread().isInterrupted()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(NO_JOB_RETRY.toNanos());
                    o = encoder.encode(antenna, stop);
                }
                return o;
            }

            @Override
            public void rejected(long itemId) {
                String uid = failedChips.remove(itemId);
                if (uid != null) {
                    readerThread.execute(() -> encoder.release(uid, com.tagline.station.store.Holds.REJECTED_BY_GATE));
                }
            }

            @Override
            public void abort(long itemId) {
                aborted.set(itemId);
                log.warn("event=encoding_abort item={}", itemId);
            }
        };
        this.controller = onLineThread(() -> new LineController(clock, io, signals, timing, items));
        io.addListener((signal, active) -> lineThread.execute(() -> controller.input(signal, active)));
        lineThread.scheduleAtFixedRate(() -> tick(alarms::attention), TICK.toMillis(), TICK.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void start() {
        lineThread.execute(controller::start);
    }

    /** Starts held until the operator clears the belt and resets (line.after_restart: wait_for_clear). */
    void startAfterClearing() {
        lineThread.execute(() -> controller.startAfterClearing("station started: clear every item between the"
                + " antenna and the reject gate by hand (their verdicts are not trusted), then reset"));
    }

    /** The operator's reset after a jam or a released e-stop; the answer comes from the line thread. */
    boolean reset() {
        return onLineThread(controller::reset);
    }

    /** The operator's pause (belt held after the chip in progress); the answer comes from the line thread. */
    boolean pause() {
        return onLineThread(controller::pause);
    }

    boolean resume() {
        return onLineThread(controller::resume);
    }

    /** From now on the line thread hands every change of the line's state and lights to {@code sink} (the console). */
    void publishTo(Consumer<com.tagline.station.console.StationSnapshot.Line> sink) {
        published = sink;
    }

    /** State and fault, for the operator. */
    String status() {
        return onLineThread(() -> controller.state() + controller.fault().map(f -> " (" + f + ")").orElse(""));
    }

    /** Stops the line in order: motor off, an encoding in progress aborted as interrupted. */
    @Override
    public void close() {
        onLineThread(() -> {
            controller.stop();
            return null;
        });
        lineThread.shutdown();
        try {
            lineThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void tick(BooleanSupplier attention) {
        try {
            controller.attention(attention.getAsBoolean());
            controller.tick();
            var now = new com.tagline.station.console.StationSnapshot.Line(controller.state(), controller.fault(),
                    controller.operatorPaused(), controller.stackLight());
            if (!now.equals(lastPublished)) {
                lastPublished = now;
                published.accept(now);
            }
        } catch (RuntimeException e) {
            log.error("event=line_tick_error error=\"{}\"", e.toString(), e);
        }
    }

    private <T> T onLineThread(java.util.concurrent.Callable<T> work) {
        try {
            return lineThread.submit(work).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the line thread", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("line thread: " + e.getMessage(), e);
        }
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
