package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.Ats;
import com.tagline.hardware.tag.BitRate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A timing model grounded in the datasheets (issue 13): air time of every frame at the exchange's bit rate
 * with ISO/IEC 14443 framing ({@link AirTime}), ISO-DEP block chaining at the chip's FSC and the reader's FSD,
 * chip processing per command class ({@link ChipWork}) and the PN532's firmware time per host command. The
 * serial line is charged by the emulator (10 bit times per byte, {@link Pn532Timing#lineTime}).
 *
 * <p>Each value is a parameter with its source; {@link #PARAMETERS} lists them for a command line, and
 * {@link #with} changes one. Values marked [inferred] are assumptions to measure on a real line.
 *
 * @param pn532Command PN532 firmware time per host command: frame check, ACK, dispatch, CIU set-up [inferred]
 * @param isoDepRead NTAG 424 DNA time to decode and answer a command [inferred]
 * @param isoDepCrypto NTAG 424 DNA time per AES step (authentication part, MAC, SDM encryption) [inferred]
 * @param eepromWriteCycle NTAG 424 DNA EEPROM write cycle, tcy(W) typ. 1 ms (NT4H2421Gx §5 Table 2)
 * @param eepromPageBytes bytes one write cycle programs [inferred]
 * @param eepromCyclesPerPage write cycles per page, 2 for the backup that makes a single-frame write atomic
 *     (NT4H2421Gx §8.6) [inferred]
 * @param type2Read Type 2 (NTAG 223 DNA) time to answer a read, beyond the frame delay [inferred]
 * @param type2Write Type 2 page program time, 4.1 ms as NTAG21x tcy(W) [inferred for the NTAG 223 DNA]
 * @param readerFsd the FSD the PN532 announces in RATS: 64 bytes (RATS {@code E0 50} seen from an ACR122U, a
 *     PN532 reader, Proxmark3 issue #70) [inferred]
 */
public record DatasheetTiming(Duration pn532Command, Duration isoDepRead, Duration isoDepCrypto,
        Duration eepromWriteCycle, int eepromPageBytes, int eepromCyclesPerPage, Duration type2Read,
        Duration type2Write, int readerFsd) implements TimingModel {

    /** One adjustable value: name for a command line ({@code NAME=VALUE}), unit and source. */
    public record Parameter(String name, String unit, String source) {}

    public static final List<Parameter> PARAMETERS = List.of(
            new Parameter("pn532-command-us", "µs", "[inferred] PN532 firmware time per host command"),
            new Parameter("iso-dep-read-us", "µs", "[inferred] NTAG 424 DNA command decode and answer"),
            new Parameter("iso-dep-crypto-us", "µs", "[inferred] NTAG 424 DNA time per AES step"),
            new Parameter("eeprom-write-us", "µs", "NT4H2421Gx §5 Table 2: write cycle time 1 ms typ."),
            new Parameter("eeprom-page-bytes", "bytes", "[inferred] bytes per EEPROM write cycle"),
            new Parameter("eeprom-cycles-per-page", "cycles", "[inferred] 2: backup for atomic frames (§8.6)"),
            new Parameter("type2-read-us", "µs", "[inferred] NTAG 223 DNA read answer beyond the frame delay"),
            new Parameter("type2-write-us", "µs", "[inferred] NTAG21x page write cycle 4.1 ms"),
            new Parameter("reader-fsd", "bytes", "[inferred] PN532 RATS E0 50: FSD 64 (Proxmark3 #70)"));

    public DatasheetTiming {
        for (Duration d : List.of(pn532Command, isoDepRead, isoDepCrypto, eepromWriteCycle, type2Read, type2Write)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("timing durations must not be negative");
            }
        }
        if (eepromPageBytes < 1 || eepromCyclesPerPage < 1 || readerFsd < 16 || readerFsd > 256) {
            throw new IllegalArgumentException("EEPROM page and cycles must be ≥ 1, the FSD 16..256 bytes");
        }
    }

    public static DatasheetTiming defaults() {
        return new DatasheetTiming(micros(500), micros(500), micros(1000), micros(1000), 32, 2, micros(100),
                micros(4100), 64);
    }

    /** This model with parameter {@code name} (see {@link #PARAMETERS}) set to {@code value}, in its unit. */
    public DatasheetTiming with(String name, long value) {
        Map<String, Long> v = values();
        String key = name.toLowerCase(Locale.ROOT);
        if (!v.containsKey(key)) {
            throw unknown(name);
        }
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        v.put(key, value);
        return new DatasheetTiming(micros(v.get("pn532-command-us")), micros(v.get("iso-dep-read-us")),
                micros(v.get("iso-dep-crypto-us")), micros(v.get("eeprom-write-us")),
                (int) Math.min(v.get("eeprom-page-bytes"), Integer.MAX_VALUE),
                (int) Math.min(v.get("eeprom-cycles-per-page"), Integer.MAX_VALUE), micros(v.get("type2-read-us")),
                micros(v.get("type2-write-us")), (int) Math.min(v.get("reader-fsd"), Integer.MAX_VALUE));
    }

    /** The current value of parameter {@code name} (see {@link #PARAMETERS}), in its unit. */
    public long value(String name) {
        Long v = values().get(name.toLowerCase(Locale.ROOT));
        if (v == null) {
            throw unknown(name);
        }
        return v;
    }

    /** Every parameter's value by name, in {@link #PARAMETERS} order. */
    public Map<String, Long> values() {
        Map<String, Long> v = new LinkedHashMap<>();
        v.put("pn532-command-us", micros(pn532Command));
        v.put("iso-dep-read-us", micros(isoDepRead));
        v.put("iso-dep-crypto-us", micros(isoDepCrypto));
        v.put("eeprom-write-us", micros(eepromWriteCycle));
        v.put("eeprom-page-bytes", (long) eepromPageBytes);
        v.put("eeprom-cycles-per-page", (long) eepromCyclesPerPage);
        v.put("type2-read-us", micros(type2Read));
        v.put("type2-write-us", micros(type2Write));
        v.put("reader-fsd", (long) readerFsd);
        return v;
    }

    @Override
    public Duration command() {
        return pn532Command;
    }

    @Override
    public Duration request(RfExchange ex) {
        return switch (ex.kind()) {
            case ACTIVATION -> activation(ex);
            case PPS -> AirTime.frame(AirTime.PPS_REQUEST + AirTime.CRC, BitRate.KBPS_106).plus(AirTime.FRAME_DELAY)
                    .plus(AirTime.frame(AirTime.PPS_RESPONSE + AirTime.CRC, BitRate.KBPS_106));
            case APDU -> isoDepCommand(ex).plus(AirTime.FRAME_DELAY).plus(processing(ChipWork.ofApdu(ex.frame())));
            case FRAME -> AirTime.frame(ex.frame().length + AirTime.CRC, ex.rate()).plus(AirTime.FRAME_DELAY)
                    .plus(ex.ats().length > 0 ? isoDepRead : processing(ChipWork.ofType2(ex.frame())));
        };
    }

    @Override
    public Duration answer(RfExchange ex, int length) {
        if (length == 0) {
            return Duration.ZERO;
        }
        return switch (ex.kind()) {
            case APDU -> blocks(length, readerFsd, ex.rate());
            case FRAME -> length == 1 && ex.ats().length == 0 ? AirTime.fourBitFrame()
                    : AirTime.frame(length + AirTime.CRC, ex.rate());
            case ACTIVATION, PPS -> Duration.ZERO;
        };
    }

    @Override
    public String name() {
        return "datasheet";
    }

    /** The C-APDU in I-blocks of at most FSC bytes; the PICC acknowledges each chained block with R(ACK). */
    private Duration isoDepCommand(RfExchange ex) {
        return blocks(ex.frame().length, ex.atsParameters().fsc(), ex.rate());
    }

    /**
     * {@code length} bytes of INF in blocks of at most {@code frameSize} (PCB and CRC included); between two
     * blocks the receiver's R(ACK) (PCB and CRC) and two frame delays (ISO/IEC 14443-4 §7.5.2 chaining).
     */
    private static Duration blocks(int length, int frameSize, BitRate rate) {
        int perBlock = frameSize - AirTime.PCB - AirTime.CRC;
        int count = Math.max(1, (length + perBlock - 1) / perBlock);
        Duration t = AirTime.frame(length + count * (AirTime.PCB + AirTime.CRC), rate);
        Duration ack = AirTime.frame(AirTime.PCB + AirTime.CRC, rate).plus(AirTime.FRAME_DELAY.multipliedBy(2));
        return t.plus(ack.multipliedBy(count - 1L));
    }

    private Duration processing(ChipWork work) {
        if (work.type2Write()) {
            return type2Write;
        }
        Duration t = isoDepRead.plus(isoDepCrypto.multipliedBy(work.aesSteps()));
        if (work.eepromBytes() > 0) {
            long pages = (work.eepromBytes() + eepromPageBytes - 1) / eepromPageBytes;
            t = t.plus(eepromWriteCycle.multipliedBy(pages * eepromCyclesPerPage));
        }
        return t;
    }

    /**
     * REQA, ATQA, then per cascade level (4, 7, 10-byte UIDs: 1 to 3) ANTICOLLISION (2 bytes) → UID CLn + BCC
     * (5), SELECT (9 with CRC) → SAK (3 with CRC) (ISO/IEC 14443-3 §6.5); for an ISO-DEP chip RATS (4) → ATS
     * (+ CRC) and the start-up frame guard time SFGT before the first block (ISO/IEC 14443-4 §5.2.5).
     */
    private Duration activation(RfExchange ex) {
        Duration t = AirTime.shortFrame().plus(AirTime.FRAME_DELAY).plus(AirTime.frame(2, BitRate.KBPS_106));
        int levels = ex.uidLength() <= 4 ? 1 : ex.uidLength() <= 7 ? 2 : 3;
        Duration level = AirTime.frame(2, BitRate.KBPS_106).plus(AirTime.FRAME_DELAY)
                .plus(AirTime.frame(5, BitRate.KBPS_106)).plus(AirTime.frame(9, BitRate.KBPS_106))
                .plus(AirTime.FRAME_DELAY).plus(AirTime.frame(3, BitRate.KBPS_106));
        t = t.plus(level.multipliedBy(levels));
        byte[] ats = ex.ats();
        if (ats.length > 0) {
            Ats a = ex.atsParameters();
            t = t.plus(AirTime.frame(4, BitRate.KBPS_106)).plus(AirTime.FRAME_DELAY).plus(isoDepRead)
                    .plus(AirTime.frame(ats.length + AirTime.CRC, BitRate.KBPS_106))
                    .plus(Duration.ofNanos(a.startUpGuardTimeNanos()));
        }
        return t;
    }

    private static IllegalArgumentException unknown(String name) {
        return new IllegalArgumentException("unknown timing parameter " + name + " (known: "
                + PARAMETERS.stream().map(Parameter::name).toList() + ")");
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1000;
    }

    private static Duration micros(long us) {
        return Duration.ofNanos(us * 1000);
    }
}
