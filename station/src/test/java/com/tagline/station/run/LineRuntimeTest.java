package com.tagline.station.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.line.LineSignals;
import com.tagline.hardware.line.MockPins;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.line.SimulatedLine;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.ntag424.SimulatedNtag424Link;
import com.tagline.station.line.LineTiming;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.personalize.Reason;
import com.tagline.station.store.AttemptState;
import com.tagline.station.store.LeasedJob;
import com.tagline.station.store.StoreConfig;
import com.tagline.station.store.StoreThread;
import com.tagline.station.sync.Alarms;
import com.tagline.station.workflow.Antenna;
import com.tagline.station.workflow.ChipEncoder;
import com.tagline.station.workflow.ChipInField;
import com.tagline.station.workflow.ChipRecipe;
import com.tagline.station.workflow.EncodeOutcome;
import com.tagline.station.workflow.EncodingPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conveyor in a running station on real threads (issue 5): pi4j's mock pins behind the real
 * {@code Pi4jLineIo}, the line controller on its own thread, the chip encoded on the reader thread
 * with the real recipe and a real SQLite store. Waits are bounded polls of pin levels, never sleeps.
 */
class LineRuntimeTest {
    private static final LineSignals S = LineSignals.standard();

    @TempDir
    Path dir;

    private MockPins pins;
    private StoreThread store;
    private LineRuntime line;
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final BlockingQueue<EncodeOutcome> outcomes = new LinkedBlockingQueue<>();
    private final CountDownLatch inFirstStep = new CountDownLatch(1);
    private final CountDownLatch proceed = new CountDownLatch(1);
    private SimulatedNtag424Link chip;

    @BeforeEach
    void open() {
        pins = MockPins.open(SimulatedLine.standardPinMap(S));
        pins.drive(S.estop(), false); // the normally closed e-stop loop is whole: not stopped
        store = StoreThread.open(StoreConfig.of(dir.resolve("station.db"), "line-1").withMinFreeBytes(0));
        store.run(s -> s.jobs().record(List.of(new LeasedJob("tag_a", ChipProtocol.NTAG_424_DNA, "https://tags.example.com/t/a",
                "lse_1", Instant.now().plusSeconds(3600)))));
        chip = new SimulatedNtag424Link(SimulatedNtag424.builder()
                .uid(new byte[] {0x04, 0x61, 0x62, 0x63, 0x64, 0x65, (byte) 0x80}).random(new SplittableRandom(3)).build());
    }

    @AfterEach
    void close() {
        proceed.countDown();
        if (line != null) {
            line.close();
        }
        reader.shutdownNow();
        store.close();
        pins.close();
    }

    private final Alarms alarms = new Alarms();
    private volatile boolean readerBroken;

    private void startLine(boolean holdFirstStep) {
        ChipEncoder encoder = new ChipEncoder(store, Map.of(ChipProtocol.NTAG_424_DNA, recipe(holdFirstStep)),
                EncodingPolicy.defaults(), 1, Clock.systemUTC(), new Alarms());
        Antenna antenna = new Antenna() {
            @Override
            public Optional<ChipInField> detect() {
                if (readerBroken) {
                    throw new com.tagline.hardware.tag.TransportException("test: the reader's USB link is gone");
                }
                return Optional.of(ChipInField.of(chip, chip.chip().uidHex(), ChipProtocol.NTAG_424_DNA));
            }
        };
        line = new LineRuntime(Clock.systemUTC(), pins.lineIo(), S, LineTiming.standard(), reader, antenna, encoder,
                outcomes::add, alarms);
        line.start();
    }

    @Test
    void anItemAtTheEncoderStopsTheBeltIsEncodedAndTheBeltRunsAgain() throws Exception {
        startLine(false);
        awaitLevel(S.conveyor(), true);
        pins.drive(S.encoderEye(), false); // active low: an item breaks the beam
        EncodeOutcome o = outcomes.poll(30, TimeUnit.SECONDS);
        assertEquals(Reason.CONFIGURED, o.reason(), o.detail());
        awaitLevel(S.conveyor(), true);
        assertTrue(line.status().startsWith("RUNNING") || line.status().startsWith("IDLE"), line.status());
    }

    @Test
    void eStopDuringEncodingStopsTheMotorAtOnceAndRecordsTheAttemptInterrupted() throws Exception {
        startLine(true);
        awaitLevel(S.conveyor(), true);
        pins.drive(S.encoderEye(), false);
        assertTrue(inFirstStep.await(30, TimeUnit.SECONDS), "encoding started");
        pins.drive(S.estop(), true); // the loop opens: stop
        awaitLevel(S.conveyor(), false);
        awaitLevel(S.red(), true);
        proceed.countDown();
        EncodeOutcome o = outcomes.poll(30, TimeUnit.SECONDS);
        assertEquals(Reason.INTERRUPTED, o.reason(), o.detail());
        assertEquals(AttemptState.INTERRUPTED, store.call(s -> s.latestAttemptOfChip(chip.chip().uidHex()))
                .orElseThrow().state());
        assertTrue(store.call(s -> s.outbox().pending(10)).isEmpty(), "never configured");
        assertFalse(line.reset(), "no restart while the e-stop is active");
        pins.drive(S.estop(), false);
        awaitStatus("AWAIT_RESET");
        assertTrue(line.reset(), "released and reset: the line restarts");
    }

    @Test
    void aReaderFailureRejectsTheItemWithAnAlarmInsteadOfHangingTheLine() {
        readerBroken = true;
        startLine(false);
        awaitLevel(S.conveyor(), true);
        pins.drive(S.encoderEye(), false);
        poll(() -> alarms.isRaised(com.tagline.station.sync.Alarm.ENCODER_FAULT), () -> "the ENCODER_FAULT alarm");
        awaitLevel(S.conveyor(), true); // the item got its verdict (failed) and the belt runs on
        awaitLevel(S.amber(), true);
        assertTrue(outcomes.isEmpty(), "no outcome was invented for the item");
    }

    private ChipRecipe recipe(boolean holdFirstStep) {
        MasterKeySet keys = keys();
        Ntag424Personalizer p = new Ntag424Personalizer(Ntag424Recipe.of(keys, SunTemplate.defaults(),
                OriginalitySignature.ntag424(List.of(OriginalityKeyPair.ntag424Test().publicKeyHex()))));
        return (link, url, listener) -> p.personalize(link, url, (step, uid) -> {
            listener.beforeStep(step, uid);
            if (holdFirstStep && inFirstStep.getCount() > 0) {
                inFirstStep.countDown();
                await(proceed);
            }
        });
    }

    private static MasterKeySet keys() {
        List<byte[]> k = new ArrayList<>();
        for (int i = 0; i < MasterKeySet.KEY_COUNT; i++) {
            k.add(new byte[16]);
            k.get(i)[0] = (byte) (i + 1);
        }
        return new MasterKeySet(k, 1, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
    }

    private void awaitLevel(String signal, boolean high) {
        poll(() -> pins.level(signal) == high, () -> signal + " " + (high ? "high" : "low"));
    }

    private void awaitStatus(String prefix) {
        String[] last = {""};
        poll(() -> (last[0] = line.status()).startsWith(prefix), () -> "line " + prefix + " (last seen: " + last[0] + ")");
    }

    /** Bounded poll for something another thread does (10 s). */
    private static void poll(BooleanSupplier done, java.util.function.Supplier<String> what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
