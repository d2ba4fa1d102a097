package com.tagline.station.simulate;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.hardware.tag.TagLink;
import java.util.function.Supplier;

/**
 * One simulated chip of a batch, whatever its kind: its link (with the defect's fault armed), how
 * to put it back in the field after a tear, and how a phone reads its URL.
 *
 * @param index    its place in the batch (conveyor item {@code index + 1})
 * @param protocol {@code ntag_424_dna} or {@code ntag_223_dna}
 */
public record SimulatedChip(int index, ChipProtocol protocol, TagLink link, String uidHex, ChipDefect defect,
                            Runnable putBack, Supplier<String> phoneScan) {

    static SimulatedChip of(int index, SimulatedChips.Chip c) {
        return new SimulatedChip(index, ChipProtocol.NTAG_424_DNA, c.link(), c.link().chip().uidHex(), c.defect(),
                c.link()::putBack, () -> PhoneScan.read(c.link()));
    }

    static SimulatedChip of(int index, SimulatedChips.Chip223 c) {
        return new SimulatedChip(index, ChipProtocol.NTAG_223_DNA, c.link(), c.link().chip().uidHex(), c.defect(),
                c.link()::putBack, () -> PhoneScan.readType2(c.link()));
    }
}
