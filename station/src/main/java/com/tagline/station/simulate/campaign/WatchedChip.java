package com.tagline.station.simulate.campaign;

import com.tagline.simulator.field.ChipTornException;
import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.field.ForwardingFieldChip;
import com.tagline.simulator.field.TearPoint;
import java.util.Map;

/**
 * A chip in the campaign's RF field that remembers the last command it was sent and when, so the campaign can
 * say which personalization step a kill cut (the station's own steps are not visible from outside it), and that
 * the operator can pull off the antenna in the middle of a given command ({@link #pullAt}): the field is lost
 * before or after the chip applied it, as when a hand takes it away. Every other call goes to the wrapped chip
 * unchanged.
 *
 * <p>Threading: the chip methods run on the PN532 emulator's thread; {@link #lastCommand} on any thread.
 */
final class WatchedChip extends ForwardingFieldChip {
    /** NTAG 424 DNA command codes (NT4H2421Gx datasheet §10, Table 22; ISO/IEC 7816-4 for the ISO ones). */
    private static final Map<Integer, String> INS = Map.ofEntries(Map.entry(0x71, "AuthenticateEV2First"),
            Map.entry(0x77, "AuthenticateEV2NonFirst"), Map.entry(0xAF, "AdditionalFrame"), Map.entry(0xC4, "ChangeKey"),
            Map.entry(0x64, "GetKeyVersion"), Map.entry(0x5F, "ChangeFileSettings"), Map.entry(0xF5, "GetFileSettings"),
            Map.entry(0x8D, "WriteData"), Map.entry(0xAD, "ReadData"), Map.entry(0x60, "GetVersion"),
            Map.entry(0x51, "GetCardUID"), Map.entry(0x3C, "Read_Sig"), Map.entry(0x5C, "SetConfiguration"),
            Map.entry(0xF6, "GetFileCounters"), Map.entry(0xA4, "ISOSelectFile"), Map.entry(0xB0, "ISOReadBinary"),
            Map.entry(0xD6, "ISOUpdateBinary"));
    /** NFC Forum Type 2 / NTAG 22x commands (NTAG 223 DNA datasheet §10). */
    private static final Map<Integer, String> TYPE2 = Map.of(0x30, "READ", 0x3A, "FAST_READ", 0xA2, "WRITE",
            0x60, "GET_VERSION", 0x3C, "READ_SIG", 0x1B, "PWD_AUTH", 0x39, "READ_CNT", 0x50, "HLTA");

    private volatile String lastCommand = "-";
    private volatile long lastAtNanos;
    private final java.util.concurrent.atomic.AtomicInteger commands = new java.util.concurrent.atomic.AtomicInteger();
    private volatile int pullAt;
    private volatile int pulls;
    private volatile TearPoint pullPoint;

    WatchedChip(FieldChip chip) {
        super(chip);
    }

    /** The last command and how long ago it came, e.g. {@code ChangeKey}; empty if none within {@code withinMillis}. */
    java.util.Optional<String> lastCommand(long withinMillis) {
        long at = lastAtNanos;
        return at != 0 && System.nanoTime() - at <= withinMillis * 1_000_000L
                ? java.util.Optional.of(lastCommand) : java.util.Optional.empty();
    }

    /**
     * The chip leaves the field at its {@code command}-th command from now on (counting from 1), {@code point}
     * applied or not; 0 disarms.
     */
    void pullAt(int command, TearPoint point) {
        pullPoint = point;
        pullAt = command == 0 ? 0 : commands.get() + command;
    }

    @Override
    public byte[] processApdu(byte[] apdu) {
        seen(apdu.length > 1 ? INS.getOrDefault(apdu[1] & 0xFF, String.format("INS %02X", apdu[1] & 0xFF)) : "?");
        return pulled(() -> super.processApdu(apdu));
    }

    @Override
    public byte[] processType2(byte[] frame) {
        int code = frame.length > 0 ? frame[0] & 0xFF : -1;
        String name = TYPE2.getOrDefault(code, String.format("CMD %02X", code));
        seen(code == 0xA2 && frame.length > 1 ? String.format("WRITE page %02X", frame[1] & 0xFF) : name);
        return pulled(() -> super.processType2(frame));
    }

    private byte[] pulled(java.util.function.Supplier<byte[]> command) {
        if (pullAt == 0 || commands.get() != pullAt) {
            return command.get();
        }
        pullAt = 0;
        pulls++;
        if (pullPoint == TearPoint.AFTER_APPLY) {
            command.get();
        }
        throw new ChipTornException("pulled off the antenna at " + lastCommand, false);
    }

    /** Times it was pulled off the antenna mid-command. */
    int pulls() {
        return pulls;
    }

    /** Commands received so far. */
    int commands() {
        return commands.get();
    }

    /** The last command received, {@code -} before any. */
    String lastCommand() {
        return lastCommand;
    }

    private void seen(String command) {
        commands.incrementAndGet();
        lastCommand = command;
        lastAtNanos = System.nanoTime();
    }
}
