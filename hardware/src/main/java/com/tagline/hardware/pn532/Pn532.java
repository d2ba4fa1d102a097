package com.tagline.hardware.pn532;

import com.tagline.hardware.TaglineException;
import com.tagline.hardware.serial.Sleeper;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.tag.BitRate;
import com.tagline.hardware.tag.TransportException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PN532 driver over HSU (architecture §2): the commands an NTAG encoder needs, by their UM0701-02
 * names. {@link #init()} wakes the chip and configures it. The initiator commands
 * (InListPassiveTarget, InDataExchange, InCommunicateThru, InDeselect, InRelease) live in
 * {@code Pn532Initiator} and are exposed here.
 *
 * <p>Failure modes: {@link TransportException} when the link fails or the PN532 does not answer
 * (after ACK resends and an abort); {@link Pn532FrameException} for the syntax-error frame or a
 * malformed response; {@link Pn532StatusException} / {@link Pn532TagLostException} for status
 * bytes. After any of them the chip state is unknown: {@link #init()} again.
 *
 * <p>Threading: one reader thread owns the driver and its link (architecture §3). The driver owns
 * the link: {@link #close()} closes it. No PowerDown is ever sent (pn532.md §2, nfcpy #186).
 */
public final class Pn532 implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Pn532.class);
    /** HSU wake-up: {@code 55 55} and 14 × {@code 00}, as libnfc 1.8.0 sends (pn532.md §2). */
    static final byte[] WAKE_UP = wakeUpBytes();
    /** Diagnose NumTst 00, communication line test (UM0701-02 §7.2 Diagnose). */
    static final byte[] LINE_TEST_DATA = "Tagline".getBytes(StandardCharsets.US_ASCII);
    private static final int CIU_TX_MODE = 0x6302;
    private static final int CIU_RX_MODE = 0x6303;

    final Pn532Settings settings;
    private final Pn532Dialog dialog;
    private final SerialLink link;
    private final Sleeper sleeper;
    private final Pn532Initiator initiator = new Pn532Initiator(this);
    private int baud = Pn532BaudRate.POWER_ON;
    private Boolean crcA;
    private int commTimeoutIndex = -1;

    public Pn532(SerialLink link) {
        this(link, Pn532Settings.defaults(), Sleeper.SYSTEM);
    }

    public Pn532(SerialLink link, Pn532Settings settings, Sleeper sleeper) {
        this.link = Objects.requireNonNull(link, "link");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.dialog = new Pn532Dialog(link, settings);
    }

    /**
     * Brings the chip to a known state: wake-up + SAMConfiguration, optional line test,
     * GetFirmwareVersion (must be a PN532), SetParameters, RFConfiguration 05 and 04, CRC_A on,
     * then SetSerialBaudRate when a faster speed is configured (libnfc order, pn532.md §5.3).
     */
    public FirmwareVersion init() {
        crcA = null;
        commTimeoutIndex = -1;
        wakeUp();
        if (settings.lineTest()) {
            communicationLineTest(LINE_TEST_DATA);
        }
        FirmwareVersion version = getFirmwareVersion();
        if (!version.isPn532()) {
            throw new Pn532FrameException("not a PN532: " + version);
        }
        setParameters(settings.parameters());
        maxRetries(0xFF, 0x01, settings.passiveActivationRetries());
        maxRetryCom(settings.maxRetryCom());
        crcA(true);
        if (settings.serialBaudRate() != baud) {
            setSerialBaudRate(settings.serialBaudRate());
        }
        LOG.debug("pn532 ready firmware={} baud={}", version, baud);
        return version;
    }

    /**
     * HSU wake-up (pn532.md §2, AN10609): the 0x55 preamble, an optional delay, then
     * SAMConfiguration normal mode, which takes a PN532 v1.6 out of Low VBat. Without a delay the
     * preamble and the frame leave in one write, as libnfc sends them.
     */
    public void wakeUp() {
        LOG.debug("pn532 command=wakeUp+SAMConfiguration");
        byte[] prefix = WAKE_UP;
        if (!settings.wakeDelay().isZero()) {
            link.write(WAKE_UP);
            pause(settings.wakeDelay());
            prefix = new byte[0];
        }
        dialog.command("SAMConfiguration", 0x14, new byte[] {0x01}, settings.timeouts().wake(), prefix);
    }

    /** SAMConfiguration (UM0701-02 §7.2 SAMConfiguration): Mode 1 normal, 2 virtual, 3 wired, 4 dual. */
    public void samConfiguration(int mode) {
        command("SAMConfiguration", 0x14, (byte) mode);
    }

    /** GetFirmwareVersion (UM0701-02 §7.2 GetFirmwareVersion). */
    public FirmwareVersion getFirmwareVersion() {
        return FirmwareVersion.parse(command("GetFirmwareVersion", 0x02));
    }

    /** Diagnose (UM0701-02 §7.2 Diagnose): NumTst and InParam; returns the raw result bytes. */
    public byte[] diagnose(int numTst, byte[] inParam) {
        return command("Diagnose", 0x00, concat(new byte[] {(byte) numTst}, inParam));
    }

    /** Diagnose NumTst 00: the PN532 must echo {@code 00 data} (libnfc sends "libnfc"). */
    public void communicationLineTest(byte[] data) {
        byte[] echo = diagnose(0x00, data);
        byte[] expected = concat(new byte[] {0x00}, data);
        if (!Arrays.equals(echo, expected)) {
            throw new Pn532FrameException("Diagnose line test echoed "
                    + java.util.HexFormat.of().withUpperCase().formatHex(echo));
        }
    }

    /** SetParameters (UM0701-02 §7.2 SetParameters), e.g. {@link Pn532Settings#PARAM_AUTO_RATS}. */
    public void setParameters(int flags) {
        command("SetParameters", 0x12, (byte) flags);
    }

    /** RFConfiguration (UM0701-02 §7.3 RFConfiguration): CfgItem and its ConfigurationData. */
    public void rfConfiguration(int item, byte... data) {
        command("RFConfiguration", 0x32, concat(new byte[] {(byte) item}, data));
    }

    /** RFConfiguration item 01: RF field on or off (AutoRFCA off). Off resets every target. */
    public void rfField(boolean on) {
        rfConfiguration(0x01, (byte) (on ? 0x01 : 0x00));
    }

    /**
     * RFConfiguration item 02, various timings: time-out indexes n for ATR_RES and for
     * InCommunicateThru/InDataExchange (100 µs · 2^(n−1), n = 0: none; pn532.md §3.4).
     */
    public void rfTimings(int atrResTimeout, int commTimeout) {
        commTimeoutIndex = -1;
        rfConfiguration(0x02, (byte) 0x00, (byte) atrResTimeout, (byte) commTimeout);
        commTimeoutIndex = commTimeout;
    }

    /** RFConfiguration item 04, MaxRtyCOM: retries of InDataExchange/InCommunicateThru (FF = forever). */
    public void maxRetryCom(int retries) {
        rfConfiguration(0x04, (byte) retries);
    }

    /** RFConfiguration item 05: MxRtyATR, MxRtyPSL, MxRtyPassiveActivation. */
    public void maxRetries(int atr, int psl, int passiveActivation) {
        rfConfiguration(0x05, (byte) atr, (byte) psl, (byte) passiveActivation);
    }

    /** ReadRegister (UM0701-02 §7.2 ReadRegister): one value per 16-bit address. */
    public byte[] readRegister(int... addresses) {
        byte[] params = new byte[addresses.length * 2];
        for (int i = 0; i < addresses.length; i++) {
            params[2 * i] = (byte) (addresses[i] >>> 8);
            params[2 * i + 1] = (byte) addresses[i];
        }
        byte[] values = command("ReadRegister", 0x06, params);
        if (values.length != addresses.length) {
            throw new Pn532FrameException("ReadRegister answered " + values.length + " values for "
                    + addresses.length + " addresses");
        }
        return values;
    }

    /** WriteRegister (UM0701-02 §7.2 WriteRegister) for each address/value pair. */
    public void writeRegister(RegisterWrite... writes) {
        command("WriteRegister", 0x08, RegisterWrite.params(writes));
    }

    /**
     * Switches CRC_A generation and checking in CIU_TxMode/CIU_RxMode (bit 7; 106 kbps Type A
     * framing) on or off. Off lets the host see Type 2 4-bit ACK/NAKs (pn532.md §3.3). Skipped when
     * the driver already set that state; a failed write leaves the state unknown, so the next call
     * writes again.
     */
    public void crcA(boolean enabled) {
        if (crcA != null && crcA == enabled) {
            return;
        }
        int value = enabled ? 0x80 : 0x00;
        crcA = null;
        writeRegister(new RegisterWrite(CIU_TX_MODE, value), new RegisterWrite(CIU_RX_MODE, value));
        crcA = enabled;
    }

    /** The CRC_A state this driver last set, or null when unknown. */
    Boolean crcAState() {
        return crcA;
    }

    /** The CommTimeout index last set with {@link #rfTimings}, or -1. */
    int commTimeoutIndex() {
        return commTimeoutIndex;
    }

    /**
     * InListPassiveTarget at 106 kbps Type A (BrTy 00; UM0701-02 §7.3 InListPassiveTarget).
     *
     * @param maxTargets    MaxTg, 1 or 2
     * @param initiatorData UID to select (cascaded with CT 0x88 for 7-byte UIDs), or empty for any
     * @return the targets found; empty when none answered within MxRtyPassiveActivation
     */
    public List<PassiveTarget> inListPassiveTarget(int maxTargets, byte[] initiatorData) {
        return initiator.inListPassiveTarget(maxTargets, initiatorData);
    }

    /**
     * InDataExchange (UM0701-02 §7.3 InDataExchange) with target {@code tg}: ISO-DEP/MIFARE framing by
     * the PN532. DataOut longer than {@link Pn532Settings#dataExchangeChunk()} is sent in chunks with
     * the MI bit; a response with MI set is completed with empty InDataExchange frames.
     *
     * @return the whole DataIn
     */
    public byte[] inDataExchange(int tg, byte[] dataOut) {
        return initiator.inDataExchange(tg, dataOut);
    }

    /**
     * InCommunicateThru (UM0701-02 §7.3 InCommunicateThru): {@code dataOut} goes to the target as is;
     * CRC handling follows CIU_TxMode/RxMode (see {@link #crcA(boolean)}). Sets the CommTimeout
     * index covering {@code rfTimeout} first when it differs from the last one set.
     *
     * @return DataIn as the PN532 received it
     */
    public byte[] inCommunicateThru(byte[] dataOut, Duration rfTimeout) {
        return initiator.inCommunicateThru(dataOut, rfTimeout);
    }

    /** InDeselect (UM0701-02 §7.3 InDeselect); {@code tg} 0 = all targets. */
    public void inDeselect(int tg) {
        initiator.statusCommand("InDeselect", 0x44, tg);
    }

    /** InRelease (UM0701-02 §7.3 InRelease); {@code tg} 0 = all targets. */
    public void inRelease(int tg) {
        initiator.statusCommand("InRelease", 0x52, tg);
    }

    /**
     * InPSL (UM0701-02 §7.3.7): {@code 4E Tg BRit BRti}. For an ISO/IEC 14443-4 target the PN532 sends PPS
     * (ISO/IEC 14443-4 §5.3) and switches its own rates when the target confirms; libnfc sends it right after
     * InListPassiveTarget ({@code pn53x.c}). The PN532 drives 106, 212 and 424 kbit/s (libnfc
     * {@code pn532_iso14443a_supported_baud_rates}); 848 is the PN533's.
     *
     * @throws Pn532TagLostException when the target did not confirm (it then stays at 106 kbit/s)
     * @throws Pn532StatusException for another status
     */
    public void inPsl(int tg, BitRate toTarget, BitRate fromTarget) {
        if (toTarget.compareTo(BitRate.KBPS_424) > 0 || fromTarget.compareTo(BitRate.KBPS_424) > 0) {
            throw new IllegalArgumentException("the PN532 drives ISO 14443-A at 106, 212 and 424 kbit/s only");
        }
        initiator.statusCommand("InPSL", 0x4E, tg, toTarget.code(), fromTarget.code());
    }

    /**
     * SetSerialBaudRate (UM0701-02 §7.2 SetSerialBaudRate): command, response, then a host ACK,
     * after which both sides switch (nfcpy {@code pn532.py}); the link follows via
     * {@link SerialLink#baudRate(int)}.
     */
    public void setSerialBaudRate(int newBaud) {
        command("SetSerialBaudRate", 0x10, (byte) Pn532BaudRate.index(newBaud));
        dialog.sendAck();
        pause(settings.baudSwitchDelay());
        link.baudRate(newBaud);
        baud = newBaud;
    }

    /** The HSU speed currently in use. */
    public int serialBaudRate() {
        return baud;
    }

    /**
     * Restores the power-on HSU speed when it was raised, switches the RF field off, and closes the
     * link. Errors on the way are logged, not thrown; the link is closed in any case.
     */
    @Override
    public void close() {
        try {
            if (baud != Pn532BaudRate.POWER_ON) {
                setSerialBaudRate(Pn532BaudRate.POWER_ON);
            }
            rfField(false);
        } catch (TaglineException e) {
            LOG.warn("pn532 close incomplete error={}", e.getMessage());
        } finally {
            link.close();
        }
    }

    /** Runs one command with the ordinary response time-out. */
    byte[] command(String name, int code, byte... params) {
        return command(name, code, settings.timeouts().command(), params);
    }

    byte[] command(String name, int code, Duration timeout, byte... params) {
        LOG.debug("pn532 command={}", name);
        return dialog.command(name, code, params, timeout, new byte[0]);
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for the PN532", e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] wakeUpBytes() {
        byte[] wake = new byte[16];
        wake[0] = 0x55;
        wake[1] = 0x55;
        return wake;
    }
}
