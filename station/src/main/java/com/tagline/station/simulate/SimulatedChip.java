package com.tagline.station.simulate;

import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.field.FieldChip;
import java.util.function.Supplier;

/**
 * One simulated chip of a batch, whatever its kind, as the PN532 emulator hosts it at a station's
 * antenna (with the defect's tear armed), and how a phone reads its URL afterwards.
 *
 * @param index    its place in the batch
 * @param inField  what the reader emulator's field holds
 * @param uidHex   its UID, upper-case hex
 */
public record SimulatedChip(int index, ChipProtocol protocol, FieldChip inField, String uidHex, ChipDefect defect,
                            Supplier<String> phoneScan) {
}
