package com.tagline.station.cli;

import com.tagline.hardware.pn532.BitRatePolicy;
import com.tagline.hardware.tag.BitRate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.pn532.DatasheetTiming;
import com.tagline.simulator.pn532.FlatTiming;
import com.tagline.simulator.pn532.Pn532Timing;
import com.tagline.station.simulate.Pn532Bench;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code station benchmark --via pn532}: for each chip kind, HSU speed and RF bit rate policy, the PN532
 * exchanges and serial bytes of one personalization with verification, and the modeled time under the flat
 * model (a constant per command and per RF exchange) and under the datasheet model ({@link DatasheetTiming}).
 * ISO-DEP chips run twice: at 106 kbit/s (no InPSL) and at the rate negotiated up to {@code maxRate}; Type 2
 * chips only at 106 kbit/s, the only rate they have.
 *
 * <p>Where the datasheet time goes ({@link Parts}): the model is a sum, so each chip-side parameter's share is the
 * time it adds (the same chips again with that parameter at 0), the serial line's is its bytes at the baud rate,
 * and what remains is RF air time: frames and frame delays at the link's bit rate, activation and PPS.
 */
final class RadioBenchmark {
    /** One measured row: the same chips under both models (counts are the model's, bytes identical). */
    record Row(String chip, int baud, Pn532Bench.PerChip flat, Pn532Bench.PerChip datasheet, Parts parts) {}

    /** The datasheet model's time per chip by part; {@code air} is what the others leave. */
    record Parts(Duration serial, Duration firmware, Duration decode, Duration aes, Duration eeprom, Duration air) {
        /** The largest part's name, as printed. */
        String largest() {
            Map<String, Duration> named = new LinkedHashMap<>();
            named.put("RF air", air);
            named.put("EEPROM", eeprom);
            named.put("serial", serial);
            named.put("AES", aes);
            named.put("PN532", firmware);
            named.put("decode", decode);
            return named.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }
    }

    /** The parameters each part is made of: set to 0, the time drops by that part. */
    private static final Map<String, List<String>> PART_PARAMETERS = Map.of(
            "firmware", List.of("pn532-command-us"),
            "decode", List.of("iso-dep-read-us", "type2-read-us"),
            "aes", List.of("iso-dep-crypto-us"),
            "eeprom", List.of("eeprom-write-us", "type2-write-us"));

    private final List<Pn532Bench.Subject> subjects;
    private final List<Integer> bauds;
    private final FlatTiming flat;
    private final DatasheetTiming datasheet;
    private final BitRate maxRate;
    private final int count;

    RadioBenchmark(List<Pn532Bench.Subject> subjects, List<Integer> bauds, FlatTiming flat, DatasheetTiming datasheet,
            BitRate maxRate, int count) {
        this.subjects = List.copyOf(subjects);
        this.bauds = List.copyOf(bauds);
        this.flat = flat;
        this.datasheet = datasheet;
        this.maxRate = maxRate;
        this.count = count;
    }

    List<Row> run() {
        List<Row> rows = new ArrayList<>();
        for (Pn532Bench.Subject s : subjects) {
            for (int baud : bauds) {
                List<BitRatePolicy> policies = new ArrayList<>(List.of(BitRatePolicy.fixed106()));
                if (s.protocol() == ChipProtocol.NTAG_424_DNA && maxRate != BitRate.KBPS_106) {
                    policies.add(BitRatePolicy.defaults().withMax(maxRate));
                }
                for (BitRatePolicy p : policies) {
                    Pn532Bench.PerChip d = Pn532Bench.run(s, count, baud, Pn532Timing.accounting(datasheet), p);
                    rows.add(new Row(s.protocol().code(), baud, Pn532Bench.run(s, count, baud, Pn532Timing.accounting(flat), p),
                            d, parts(s, baud, p, d)));
                }
            }
        }
        return rows;
    }

    private Parts parts(Pn532Bench.Subject s, int baud, BitRatePolicy p, Pn532Bench.PerChip whole) {
        Map<String, Duration> share = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> part : PART_PARAMETERS.entrySet()) {
            DatasheetTiming without = datasheet;
            for (String parameter : part.getValue()) {
                without = without.with(parameter, 0);
            }
            Pn532Bench.PerChip less = Pn532Bench.run(s, count, baud, Pn532Timing.accounting(without), p);
            share.put(part.getKey(), whole.modeledTime().minus(less.modeledTime()));
        }
        Duration serial = Pn532Timing.lineTime(Math.round(whole.bytes() * count), baud).dividedBy(count);
        Duration air = whole.modeledTime().minus(serial);
        for (Duration d : share.values()) {
            air = air.minus(d);
        }
        return new Parts(serial, share.get("firmware"), share.get("decode"), share.get("aes"), share.get("eeprom"), air);
    }

    void print(List<Row> rows, PrintStream out) {
        out.printf("PN532 path, %d chips per row (personalize + verify; InListPassiveTarget, InPSL when negotiated,"
                + " InRelease included); serial line 10 bits per byte%n", count);
        out.printf("flat model: %d µs per PN532 command, %d µs per RF exchange; datasheet model: parameters below%n",
                flat.commandTime().toNanos() / 1000, flat.rfExchangeTime().toNanos() / 1000);
        out.printf("%-13s %7s %6s %9s %12s %11s %11s %9s %13s%n", "chip", "baud", "kbit/s", "exchanges",
                "bytes→PN532", "bytes→host", "bytes total", "flat ms", "datasheet ms");
        for (Row r : rows) {
            Pn532Bench.PerChip d = r.datasheet();
            out.printf("%-13s %7d %6.0f %9.1f %12.0f %11.0f %11.0f %9.1f %13.1f%n", r.chip(), r.baud(), d.rfKbps(),
                    d.exchanges(), d.bytesToPn532(), d.bytesFromPn532(), d.bytes(), millis(r.flat()), millis(d));
        }
        out.println("where the datasheet time goes, ms per chip (a parameter's share: what it adds; RF air: frames,"
                + " frame delays, activation and PPS):");
        out.printf("%-13s %7s %6s %9s %7s %7s %7s %7s %7s %7s  %s%n", "chip", "baud", "kbit/s", "datasheet", "serial",
                "PN532", "decode", "AES", "EEPROM", "RF air", "largest");
        for (Row r : rows) {
            Parts t = r.parts();
            out.printf("%-13s %7d %6.0f %9.1f %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f  %s%n", r.chip(), r.baud(),
                    r.datasheet().rfKbps(), millis(r.datasheet()), ms(t.serial()), ms(t.firmware()), ms(t.decode()),
                    ms(t.aes()), ms(t.eeprom()), ms(t.air()), t.largest());
        }
        out.println("datasheet model parameters (change with --timing-param NAME=VALUE):");
        for (DatasheetTiming.Parameter p : DatasheetTiming.PARAMETERS) {
            out.printf("  %-24s %7d %-6s %s%n", p.name(), datasheet.value(p.name()), p.unit(), p.source());
        }
    }

    static int failures(List<Row> rows) {
        return rows.stream().mapToInt(r -> r.flat().failures() + r.datasheet().failures()).sum();
    }

    private static double millis(Pn532Bench.PerChip p) {
        return ms(p.modeledTime());
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }
}
