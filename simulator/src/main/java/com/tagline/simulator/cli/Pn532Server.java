package com.tagline.simulator.cli;

import com.tagline.hardware.serial.JsscSerialLink;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.pn532.Pn532Emulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Pn532Emulator} served on a pty: socat links {@code link} (what the host opens, e.g.
 * {@code LIBNFC_DEVICE=pn532_uart:LINK}) to a private pty in a fresh temporary directory, which the emulator
 * serves through a {@link JsscSerialLink}, the station's own serial link (the HSU default of 115200 baud is only
 * nominal on a pty). {@link #close()} stops the emulator, closes the
 * port, ends socat and removes the temporary directory.
 *
 * <p>Threading: open and close from one thread; the emulator's own methods are thread-safe.
 */
public final class Pn532Server implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pn532Server.class);
    private final Path directory;
    private final PtyPair pty;
    private final SerialLink serial;
    private final Pn532Emulator emulator;

    private Pn532Server(Path directory, PtyPair pty, SerialLink serial, Pn532Emulator emulator) {
        this.directory = directory;
        this.pty = pty;
        this.serial = serial;
        this.emulator = emulator;
    }

    /**
     * Creates the pty pair, puts {@code chips} in the field and starts the emulator.
     *
     * @param link where the host's end appears; must not contain ':' (libnfc connstring) and its directory
     *             must exist
     * @throws IOException when {@code link} is in use by another emulator, socat is missing or fails, or the
     *                     private pty cannot be opened
     */
    /** A pty has no line speed; jssc is still told the HSU default. */
    private static final int NOMINAL_BAUD = 115200;

    public static Pn532Server start(Path link, List<FieldChip> chips) throws IOException {
        Path dir = Files.createTempDirectory("tagline-pn532-");
        PtyPair pty = null;
        SerialLink serial = null;
        try {
            pty = PtyPair.open(link.toAbsolutePath(), dir, dir.resolve("socat.log"));
            serial = JsscSerialLink.open(pty.privatePath().toRealPath().toString(), NOMINAL_BAUD);
            Pn532Emulator emulator = new Pn532Emulator(serial);
            chips.forEach(emulator::addChip);
            emulator.start();
            return new Pn532Server(dir, pty, serial, emulator);
        } catch (IOException | RuntimeException e) {
            if (serial != null) {
                serial.close();
            }
            if (pty != null) {
                pty.close();
            }
            deleteTree(dir);
            throw e;
        }
    }

    /** The host's end of the pty pair. */
    public Path link() {
        return pty.hostPath();
    }

    public Pn532Emulator emulator() {
        return emulator;
    }

    /** True while socat runs and the emulator serves. */
    public boolean healthy() {
        return pty.alive() && emulator.isRunning();
    }

    @Override
    public void close() {
        emulator.stop();
        serial.close();
        pty.close();
        deleteTree(directory);
    }

    /** Best effort: a leftover temporary directory is logged, not fatal. */
    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            log.warn("cannot remove {}: {}", dir, e.getMessage());
        }
    }
}
