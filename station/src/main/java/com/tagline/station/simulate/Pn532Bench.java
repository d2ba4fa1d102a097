package com.tagline.station.simulate;

import com.tagline.hardware.pn532.PassiveTarget;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532Settings;
import com.tagline.hardware.pn532.Pn532TagLink;
import com.tagline.hardware.serial.PipeSerialLink;
import com.tagline.hardware.serial.Sleeper;
import com.tagline.simulator.ntag424.Ntag424FieldChip;
import com.tagline.simulator.pn532.Pn532Counters;
import com.tagline.simulator.pn532.Pn532Emulator;
import com.tagline.simulator.pn532.Pn532Timing;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.StepListener;
import java.time.Duration;
import java.util.List;

/**
 * NTAG 424 DNA personalizations through the whole radio path (host {@link Pn532} driver → HSU
 * frames → {@link Pn532Emulator} → simulated chip) with the emulator's timing model in accounting
 * mode: counts exchanges and bytes on the wire and sums the modeled time per chip.
 */
public final class Pn532Bench {
    /** What one chip cost on the modeled line. */
    public record PerChip(double exchanges, double bytesToPn532, double bytesFromPn532, Duration modeledTime,
            int failures) {}

    private Pn532Bench() {}

    public static PerChip run(Ntag424Personalizer personalizer, SimulatedChips chips, int count, int baud,
            Pn532Timing timing) {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        try (Pn532Emulator emulator = new Pn532Emulator(pair[1]);
                Pn532 reader = new Pn532(pair[0], Pn532Settings.defaults().withSerialBaudRate(baud), Sleeper.SYSTEM)) {
            emulator.timing(timing);
            emulator.start();
            reader.init();
            emulator.resetCounters();
            int failures = 0;
            for (int i = 0; i < count; i++) {
                failures += one(personalizer, reader, emulator, chips.next(i)) ? 0 : 1;
            }
            Pn532Counters c = emulator.counters();
            return new PerChip(c.exchanges() / (double) count, c.bytesFromHost() / (double) count,
                    c.bytesToHost() / (double) count, c.modeledTime().dividedBy(count), failures);
        }
    }

    private static boolean one(Ntag424Personalizer personalizer, Pn532 reader, Pn532Emulator emulator,
            SimulatedChips.Chip chip) {
        Ntag424FieldChip inField = new Ntag424FieldChip(chip.link().chip());
        emulator.addChip(inField);
        try {
            List<PassiveTarget> targets = reader.inListPassiveTarget(1, new byte[0]);
            if (targets.isEmpty()) {
                return false;
            }
            Pn532TagLink link = new Pn532TagLink(reader, targets.get(0));
            PersonalizationResult r = personalizer.personalize(link, "https://tags.example.com/t/tag_bench",
                    StepListener.NONE);
            link.release();
            return r.configured();
        } finally {
            emulator.removeChip(inField);
        }
    }
}
