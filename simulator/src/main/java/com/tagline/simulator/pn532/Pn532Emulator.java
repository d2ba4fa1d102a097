package com.tagline.simulator.pn532;

import com.tagline.hardware.pn532.Pn532Frame;
import com.tagline.hardware.pn532.Pn532FrameCodec;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.tag.TransportException;
import com.tagline.simulator.field.FieldChip;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PN532 (v1.6) speaking HSU byte for byte over a {@link SerialLink} (UM0701-02 §6.2), with chips in its
 * RF field. It answers every valid host command with an ACK, then the response frame; never writes
 * unsolicited bytes; ignores corrupt frames (no ACK); resends the last response on a host NACK; treats a
 * host ACK as abort (UM0701-02 §6.2.1.3) and, after a SetSerialBaudRate response, as the signal to switch
 * speed; sleeps after PowerDown until a {@code 55} wake-up byte. Unknown and unimplemented commands get the
 * syntax error frame. See pn532.md §6.1 for the libnfc behaviour this follows.
 *
 * <p>Implemented: Diagnose, GetFirmwareVersion (32 01 06 07), GetGeneralStatus, ReadRegister,
 * WriteRegister, SetSerialBaudRate, SetParameters, SAMConfiguration, PowerDown, RFConfiguration,
 * InListPassiveTarget and InAutoPoll (106 kbps type A), InPSL (PPS to 212/424 kbps), InDataExchange (with MI
 * chaining), InCommunicateThru, InDeselect, InRelease, InSelect; InJumpForDEP and TgInitAsTarget as with no
 * NFCIP-1 peer in reach ({@link PeerCommands}).
 *
 * <p>Threading: {@link #start()} runs the emulator on its own thread, which blocks on the link (no busy
 * waiting) and alone touches the chips. Chip, fault, timing and counter methods are thread-safe. A chip
 * removed while the emulator thread is using it finishes that call; the next exchange with it gets status 01.
 *
 * <p>Failure modes: when the link fails or closes the thread ends and {@link #failure()} tells why. A chip
 * throwing a runtime exception is a simulator bug: it is logged and the host gets the error frame.
 */
public final class Pn532Emulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Pn532Emulator.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final SerialLink link;
    private final Pn532Registers registers;
    private final Pn532Faults faults = new Pn532Faults();
    private final Meter meter = new Meter();
    private final RfField field;
    private final HsuPort port;
    private final ExchangeCommands exchange;
    private final Pn532Firmware firmware;
    private volatile boolean running;
    private volatile Throwable failure;
    private volatile Thread thread;

    /** An emulator with a fresh register file. */
    public Pn532Emulator(SerialLink link) {
        this(link, new Pn532Registers());
    }

    /** An emulator continuing {@code registers} (e.g. of an emulator it replaces). */
    public Pn532Emulator(SerialLink link, Pn532Registers registers) {
        this.link = Objects.requireNonNull(link, "link");
        this.registers = Objects.requireNonNull(registers, "registers");
        FirmwareSettings settings = new FirmwareSettings();
        this.field = new RfField(faults::takeWtxRequests);
        this.port = new HsuPort(link, faults, meter, () -> running);
        this.exchange = new ExchangeCommands(settings, registers, field, port, meter, faults);
        this.firmware = new Pn532Firmware(settings, new SystemCommands(settings, registers, field, port),
                new ListingCommands(settings, registers, field, port, meter), exchange,
                new PeerCommands(settings, port), new PslCommand(settings, field, port, meter));
    }

    /** Starts serving on a new thread; at most once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("emulator already started");
        }
        running = true;
        thread = new Thread(this::serve, "pn532-emulator");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops serving and waits for the thread (a command in progress is abandoned); the link stays open. */
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(STOP_GRACE.toMillis());
            if (t.isAlive()) {
                t.interrupt();
                t.join(STOP_GRACE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** True while the emulator thread serves the link. */
    public boolean isRunning() {
        Thread t = thread;
        return running && t != null && t.isAlive();
    }

    /** Why the emulator thread ended on its own (the link failed or closed), if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Puts {@code chip} in the field, after the chips already there; it powers up in IDLE. */
    public void addChip(FieldChip chip) {
        field.add(Objects.requireNonNull(chip, "chip"));
    }

    /** Takes {@code chip} out of the field; its target, if any, then answers status 01. */
    public boolean removeChip(FieldChip chip) {
        return field.remove(chip);
    }

    /** The chips in the field, in arrival order. */
    public List<FieldChip> chips() {
        return field.chips();
    }

    /** True while the RF field is on. */
    public boolean fieldOn() {
        return field.isOn();
    }

    public Pn532Faults faults() {
        return faults;
    }

    public Pn532Timing timing() {
        return meter.timing();
    }

    public void timing(Pn532Timing value) {
        meter.timing(Objects.requireNonNull(value, "timing"));
    }

    public Pn532Counters counters() {
        return meter.snapshot();
    }

    public void resetCounters() {
        meter.reset();
    }

    public Pn532Registers registers() {
        return registers;
    }

    /** The current HSU speed: 115200 after reset, then what SetSerialBaudRate chose. */
    public int baud() {
        return meter.baud();
    }

    /**
     * Largest DataIn of one InDataExchange response before MI chaining (default and maximum 262,
     * pn532.md §1); smaller values exercise a host's chaining.
     */
    public void maxDataInPerFrame(int bytes) {
        exchange.maxDataIn(bytes);
    }

    private void serve() {
        log.debug("PN532 emulator serving");
        try {
            while (running) {
                port.next().ifPresent(this::handle);
            }
        } catch (TransportException e) {
            if (running) {
                failure = e;
                log.info("PN532 emulator link ended: {}", e.getMessage());
            }
        } catch (RuntimeException e) {
            failure = e;
            log.error("PN532 emulator failed", e);
        } finally {
            running = false;
        }
    }

    private void handle(Pn532Frame frame) {
        if (frame instanceof Pn532Frame.Information info) {
            command(info);
        } else if (frame instanceof Pn532Frame.Nack) {
            port.resendLast();
        } else if (frame instanceof Pn532Frame.Ack) {
            switchBaudIfPending();
        } else {
            log.debug("host sent an error frame; ignored");
        }
    }

    private void command(Pn532Frame.Information info) {
        try {
            port.settleInput();
            port.sendAck();
            port.await(meter.exchange());
            Reply reply = execute(info);
            port.await(faults.responseDelay());
            port.sendResponse(Pn532FrameCodec.encode(reply.frame()));
            reply.afterSend().run();
        } catch (CommandAborted e) {
            log.debug("command aborted: {}", e.getMessage());
        }
    }

    private Reply execute(Pn532Frame.Information info) {
        if (info.tfi() != Pn532Frame.TFI_HOST_TO_PN532 || info.code() < 0) {
            return Reply.syntaxError();
        }
        try {
            return firmware.execute(info.data());
        } catch (CommandAborted e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("command {} failed inside the simulator", String.format("%02X", info.code()), e);
            return Reply.syntaxError();
        }
    }

    /** UM0701-02 §7.2.8: both sides switch speed once the host has ACKed the SetSerialBaudRate response. */
    private void switchBaudIfPending() {
        int baud = firmware.takePendingBaud();
        if (baud != 0) {
            port.baudRate(baud);
            meter.baud(baud);
            log.debug("HSU now at {} baud", baud);
        }
    }
}
