package com.tagline.simulator.ntag223;

import com.tagline.hardware.ntag223.Ntag223;
import com.tagline.hardware.ntag223.Ntag223Memory;
import com.tagline.hardware.ntag223.Ntag223Variant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** One simulated chip with its direct link and a host on top; sleeps are recorded, never slept. */
final class Fixture {
    static final HexFormat HEX = HexFormat.of().withUpperCase();
    static final byte[] UID = hex("04AA2BD2335780");

    final SimulatedNtag223 chip;
    final List<Duration> sleeps = new ArrayList<>();
    final SimulatedNtag223Link link;
    final Ntag223 host;
    final Ntag223Memory memory;

    Fixture(SimulatedNtag223 chip) {
        this.chip = chip;
        this.link = new SimulatedNtag223Link(chip, sleeps::add);
        this.host = new Ntag223(link, chip.profile());
        this.memory = new Ntag223Memory(host);
    }

    static Fixture plain() {
        return new Fixture(SimulatedNtag223.builder().uid(UID).build());
    }

    static Fixture statusDetect() {
        return new Fixture(SimulatedNtag223.builder().uid(UID).variant(Ntag223Variant.STATUS_DETECT).build());
    }

    static byte[] hex(String s) {
        return HEX.parseHex(s.replaceAll("\\s+", ""));
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** One raw frame straight into the chip (FieldChip view, no link). */
    String raw(String frame) {
        return hex(chip.processType2(hex(frame)));
    }
}
