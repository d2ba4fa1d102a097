package com.tagline.station.simulate;

import com.tagline.hardware.pn532.BitRateNegotiator;
import com.tagline.hardware.pn532.BitRatePolicy;
import com.tagline.hardware.pn532.PassiveTarget;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532Settings;
import com.tagline.hardware.pn532.Pn532TagLink;
import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.serial.Sleeper;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.hardware.tag.TagLink;
import com.tagline.simulator.field.FieldChip;
import com.tagline.simulator.pn532.Pn532Counters;
import com.tagline.simulator.pn532.Pn532Emulator;
import com.tagline.simulator.pn532.Pn532Timing;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.StepListener;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Personalizations through the whole radio path (host {@link Pn532} driver → HSU frames → {@link Pn532Emulator}
 * → simulated chip) with the emulator's timing model in accounting mode: counts PN532 exchanges and bytes on
 * the serial line and sums the modeled time per chip. Each chip is listed (InListPassiveTarget), opened at the
 * bit rate the {@link BitRatePolicy} allows (InPSL for a raised rate), personalized and verified, and released
 * (InRelease), as a station does it.
 */
public final class Pn532Bench {
    /**
     * What one chip cost on the modeled line.
     *
     * @param rfKbps the RF bit rate the links ran at, averaged over the chips
     */
    public record PerChip(double exchanges, double bytesToPn532, double bytesFromPn532, Duration modeledTime,
            int failures, double rfKbps) {
        public double bytes() {
            return bytesToPn532 + bytesFromPn532;
        }
    }

    /**
     * A chip kind under test: chip {@code index} of a batch drawn from {@link SimulatedChips} (seed 7, no
     * defects, the same chips in every run), and its recipe over a link.
     */
    public record Subject(BatchProtocol batch, Function<TagLink, PersonalizationResult> personalize) {
        /** The chips' protocol. */
        public ChipProtocol protocol() {
            return batch.protocolAt(0);
        }

        FieldChip chip(SimulatedChips chips, int index) {
            return chips.chip(index, batch).inField();
        }
    }

    private Pn532Bench() {}

    /** NTAG 424 DNA chips, personalized for {@code url}. */
    public static Subject ntag424(Ntag424Personalizer personalizer, String url) {
        return new Subject(BatchProtocol.NTAG_424_DNA, link -> personalizer.personalize(link, url, StepListener.NONE));
    }

    /** NTAG 223 DNA chips (plain or StatusDetect), personalized for {@code url}. */
    public static Subject ntag223(Ntag223Personalizer personalizer, String url) {
        return new Subject(BatchProtocol.NTAG_223_DNA, link -> personalizer.personalize(link, url, StepListener.NONE));
    }

    public static PerChip run(Subject subject, int count, int baud, Pn532Timing timing, BitRatePolicy rates) {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        Pn532Settings settings = Pn532Settings.defaults().withSerialBaudRate(baud).withBitRates(rates);
        try (Pn532Emulator emulator = new Pn532Emulator(pair[1]);
                Pn532 reader = new Pn532(pair[0], settings, Sleeper.SYSTEM)) {
            emulator.timing(timing);
            emulator.start();
            reader.init();
            BitRateNegotiator negotiator = new BitRateNegotiator(reader);
            SimulatedChips chips = new SimulatedChips(7, 0.0);
            emulator.resetCounters();
            int failures = 0;
            long kbps = 0;
            for (int i = 0; i < count; i++) {
                int rate = one(subject, subject.chip(chips, i), reader, negotiator, emulator);
                failures += rate > 0 ? 0 : 1;
                kbps += Math.abs(rate);
            }
            Pn532Counters c = emulator.counters();
            return new PerChip(c.exchanges() / (double) count, c.bytesFromHost() / (double) count,
                    c.bytesToHost() / (double) count, c.modeledTime().dividedBy(count), failures, kbps / (double) count);
        }
    }

    /** One chip in the field: its link's rate in kbit/s, negative when it did not end configured. */
    private static int one(Subject subject, FieldChip chip, Pn532 reader, BitRateNegotiator negotiator,
            Pn532Emulator emulator) {
        chip.powerCycle(); // entering the field powers the chip up
        emulator.addChip(chip);
        try {
            List<PassiveTarget> targets = reader.inListPassiveTarget(1, new byte[0]);
            if (targets.isEmpty()) {
                return -106;
            }
            Pn532TagLink link = negotiator.open(targets.get(0));
            PersonalizationResult r = subject.personalize().apply(link);
            link.release();
            return r.configured() ? link.rate().kbps() : -link.rate().kbps();
        } finally {
            emulator.removeChip(chip);
        }
    }
}
