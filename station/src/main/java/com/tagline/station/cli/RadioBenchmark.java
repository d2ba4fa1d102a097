package com.tagline.station.cli;

import com.tagline.hardware.pn532.BitRatePolicy;
import com.tagline.hardware.tag.BitRate;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.pn532.DatasheetTiming;
import com.tagline.simulator.pn532.FlatTiming;
import com.tagline.simulator.pn532.Pn532Timing;
import com.tagline.station.simulate.Pn532Bench;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code station benchmark --via pn532}: for each chip kind, HSU speed and RF bit rate policy, the PN532
 * exchanges and serial bytes of one personalization with verification, and the modeled time under the flat
 * model (a constant per command and per RF exchange) and under the datasheet model ({@link DatasheetTiming}).
 * ISO-DEP chips run twice: at 106 kbit/s (no InPSL) and at the rate negotiated up to {@code maxRate}; Type 2
 * chips only at 106 kbit/s, the only rate they have.
 */
final class RadioBenchmark {
    /** One measured row: the same chips under both models (counts are the model's, bytes identical). */
    record Row(String chip, int baud, Pn532Bench.PerChip flat, Pn532Bench.PerChip datasheet) {}

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
                    rows.add(new Row(s.protocol().code(), baud, Pn532Bench.run(s, count, baud, Pn532Timing.accounting(flat), p),
                            Pn532Bench.run(s, count, baud, Pn532Timing.accounting(datasheet), p)));
                }
            }
        }
        return rows;
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
        out.println("datasheet model parameters (change with --timing-param NAME=VALUE):");
        for (DatasheetTiming.Parameter p : DatasheetTiming.PARAMETERS) {
            out.printf("  %-24s %7d %-6s %s%n", p.name(), datasheet.value(p.name()), p.unit(), p.source());
        }
    }

    static int failures(List<Row> rows) {
        return rows.stream().mapToInt(r -> r.flat().failures() + r.datasheet().failures()).sum();
    }

    private static double millis(Pn532Bench.PerChip p) {
        return p.modeledTime().toNanos() / 1e6;
    }
}
