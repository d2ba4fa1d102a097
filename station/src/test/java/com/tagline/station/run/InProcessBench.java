package com.tagline.station.run;

import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.hardware.tag.TransportException;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.ntag424.SimulatedNtag424;
import com.tagline.simulator.pn532.Pn532Emulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.station.config.ConfigLoader;
import com.tagline.station.workflow.EncodeOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code station run} on a hand-fed bench inside the test's JVM: the real runtime from a YAML file, the PN532
 * emulator over a pipe, the tagbase emulator (with the example master keys, so it verifies scans) on loopback,
 * the key and token files owner-only. A test adds YAML sections of its own and places and removes chips.
 */
final class InProcessBench implements AutoCloseable {
    static final String TOKEN = "sk_test_bench_0123456789";
    /** The line section of a hand-fed bench. */
    static final String HAND_FED = "line: {mode: hand-fed}\n";

    final TagbaseEmulator platform;
    volatile Pn532Emulator pn532;
    final BlockingQueue<EncodeOutcome> outcomes = new LinkedBlockingQueue<>();
    private final Path dir;
    private volatile PipeSerialLink hostEnd;
    private volatile boolean unplugged;
    private StationRuntime station;
    private int chips;

    /** @param tags pending NTAG 424 DNA tags seeded on the platform */
    InProcessBench(Path dir, int tags) {
        this.dir = dir;
        try {
            ownerOnly(dir.resolve("keys.yaml"), Files.readString(Path.of("..", "configs", "keys.example.yaml")));
            ownerOnly(dir.resolve("token"), TOKEN + "\n");
            platform = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(TOKEN).withPort(0)
                    .withMasterKeys(KeyFile.load(dir.resolve("keys.yaml"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        platform.seedTags(TOKEN, tags, ChipProtocol.NTAG_424_DNA, "https://tags.example.com/t");
        plugIn();
    }

    /** A reader on a fresh line, its field empty. */
    private void plugIn() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        hostEnd = pair[0];
        pn532 = new Pn532Emulator(pair[1]);
        pn532.start();
    }

    /**
     * The reader's USB cable is pulled: its line closes (the station's next read fails) and opening it fails, as
     * with a device node that is gone, until {@link #plugBack}.
     */
    void unplug() {
        unplugged = true;
        pn532.close();
        hostEnd.close();
    }

    /** The reader is plugged back in: a new line to a freshly powered PN532, no chip in its field. */
    void plugBack() {
        plugIn();
        unplugged = false;
    }

    /**
     * Starts the station with the bench's sections plus {@code extraYaml}: whole top-level sections, the
     * {@code line} section among them ({@link #HAND_FED} for a bench).
     */
    StationRuntime start(String extraYaml, Surroundings surroundings) {
        String yaml = """
                station: bench-1
                data_dir: data
                keys: {file: keys.yaml}
                platform: {base_url: "%s", api_key_file: token}
                reader: {link: "sim:"}
                trust: {ntag424: ["%s"]}
                console: {enabled: false}
                """.formatted(platform.baseUrl(), OriginalityKeyPair.ntag424Test().publicKeyHex()) + extraYaml;
        try {
            Path f = Files.writeString(dir.resolve("station.yaml"), yaml);
            station = StationRuntime.start(Station.assemble(ConfigLoader.load(f),
                    surroundings.withLinks(name -> {
                        if (unplugged) {
                            throw new TransportException("test: the reader is unplugged (no such device)");
                        }
                        return hostEnd;
                    })), outcomes::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return station;
    }

    /** A hand-fed bench with {@code extraYaml}'s sections. */
    StationRuntime start(String extraYaml) {
        return start(HAND_FED + extraYaml, Surroundings.line(Map.of()));
    }

    /** A fresh blank NTAG 424 DNA with its own UID, placed on the antenna. */
    Ntag424FieldChip place() {
        int n = ++chips;
        Ntag424FieldChip chip = new Ntag424FieldChip(SimulatedNtag424.builder()
                .uid(new byte[] {0x04, 0x5A, (byte) (n >> 8), (byte) n, 0x12, 0x34, (byte) 0x80})
                .random(new SplittableRandom(n)).build());
        pn532.addChip(chip);
        return chip;
    }

    /** Places a fresh chip, asserts it is configured within {@code timeout}, takes it away; its outcome. */
    EncodeOutcome encodeOne(Duration timeout) throws InterruptedException {
        Ntag424FieldChip chip = place();
        EncodeOutcome o = next(timeout);
        org.junit.jupiter.api.Assertions.assertNotNull(o, "the chip was encoded within " + timeout);
        org.junit.jupiter.api.Assertions.assertEquals(com.tagline.station.personalize.Reason.CONFIGURED, o.reason(),
                o.detail());
        pn532.removeChip(chip);
        return o;
    }

    /** The next chip outcome, or null after {@code timeout}. */
    EncodeOutcome next(Duration timeout) throws InterruptedException {
        return outcomes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Polls {@code condition} every 20 ms until it holds or {@code timeout} ran out; whether it held. */
    static boolean within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20); // a poll with a deadline: the station's threads change what is polled
        }
        return true;
    }

    Path dataDir() {
        return dir.resolve("data");
    }

    /** Stops the station (clean shutdown) if it runs. */
    void stop() {
        if (station != null) {
            station.close();
            station = null;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            pn532.close();
            platform.close();
        }
    }

    private static void ownerOnly(Path f, String text) throws IOException {
        Files.writeString(f, text);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
    }
}
