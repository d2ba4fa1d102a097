package com.tagline.hardware.pn532;

import static com.tagline.hardware.pn532.Hex.h;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tagline.hardware.tag.BitRate;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.hardware.tag.Target;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** InPSL after listing: the fastest rate both sides allow, and the fall-backs to 106 kbit/s (issue 13). */
class BitRateNegotiatorTest {
    /** NTAG 424 DNA: ATS 06 77 77 71 02 80 (NT4H2421Gx §8.1.1), 212/424/848 kbit/s both ways. */
    private static final PassiveTarget NTAG424 = new PassiveTarget(1,
            new Target(h("04968CAA5C5E80"), 0x0344, 0x20, h("067777710280")));
    private static final PassiveTarget NTAG223 = new PassiveTarget(1,
            new Target(h("04112233445566"), 0x0044, 0x00, null));
    private static final String SELECT = "00A4040C07D276000085010100";

    private static Pn532 reader(ScriptedPn532 chip) {
        Pn532Settings settings = Pn532Settings.defaults().withTimeouts(
                Pn532Timeouts.uniform(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(5)));
        return new Pn532(chip.hostLink(), settings, d -> { });
    }

    @Test
    void ntag424GetsInPslTo424ThePn532sFastest() {
        // UM0701-02 §7.3.7: 4E Tg BRit BRti; 02 = 424 kbit/s (libnfc sends nbr - 1).
        ScriptedPn532 chip = new ScriptedPn532().command("4E 01 02 02", "4F 00").start();
        Pn532TagLink link = new BitRateNegotiator(reader(chip), BitRatePolicy.defaults()).open(NTAG424);
        chip.assertDone();
        assertEquals(BitRate.KBPS_424, link.rate());
    }

    @Test
    void theConfiguredMaximumCapsTheRate() {
        ScriptedPn532 chip = new ScriptedPn532().command("4E 01 01 01", "4F 00").start();
        Pn532TagLink link = new BitRateNegotiator(reader(chip), BitRatePolicy.defaults().withMax(BitRate.KBPS_212))
                .open(NTAG424);
        chip.assertDone();
        assertEquals(BitRate.KBPS_212, link.rate());
    }

    @Test
    void type2TargetsAndA106PolicySendNoInPsl() {
        ScriptedPn532 chip = new ScriptedPn532().start();
        Pn532 reader = reader(chip);
        assertEquals(BitRate.KBPS_106, new BitRateNegotiator(reader, BitRatePolicy.defaults()).open(NTAG223).rate());
        assertEquals(BitRate.KBPS_106, new BitRateNegotiator(reader, BitRatePolicy.fixed106()).open(NTAG424).rate());
        chip.assertDone();
        assertThrows(IllegalArgumentException.class, () -> BitRatePolicy.defaults().withMax(BitRate.KBPS_848));
    }

    @Test
    void aRefusedPpsKeeps106AndTwoInARowFallBackForTheConfiguredActivations() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command("4E 01 02 02", "4F 01")
                .command("4E 01 02 02", "4F 01")
                .command("4E 01 02 02", "4F 00").start();
        BitRateNegotiator n = new BitRateNegotiator(reader(chip), new BitRatePolicy(BitRate.KBPS_424, 2, 2));
        assertEquals(BitRate.KBPS_106, n.open(NTAG424).rate(), "refused: the target stays at 106");
        assertEquals(BitRate.KBPS_106, n.open(NTAG424).rate());
        assertEquals(BitRate.KBPS_106, n.open(NTAG424).rate(), "fallen back: no InPSL");
        assertEquals(BitRate.KBPS_106, n.open(NTAG424).rate(), "fallen back: no InPSL");
        assertEquals(BitRate.KBPS_424, n.open(NTAG424).rate(), "tried again after the fall-back period");
        chip.assertDone();
    }

    @Test
    void rfErrorsAtTheRaisedRateInTwoActivationsInARowFallBack() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command("4E 01 02 02", "4F 00")
                .command("08 6302 80 6303 80", "09")
                .command("40 01 " + SELECT, "41 02") // CRC error at 424 kbit/s
                .command("4E 01 02 02", "4F 00")
                .command("40 01 " + SELECT, "41 01") // time-out
                .command("40 01 " + SELECT, "41 00 9000").start();
        BitRateNegotiator n = new BitRateNegotiator(reader(chip), new BitRatePolicy(BitRate.KBPS_424, 2, 100));
        Pn532TagLink first = n.open(NTAG424);
        assertThrows(Pn532StatusException.class, () -> first.transceive(h(SELECT)));
        Pn532TagLink second = n.open(NTAG424);
        assertThrows(TagLostException.class, () -> second.transceive(h(SELECT)));
        Pn532TagLink third = n.open(NTAG424);
        assertEquals(BitRate.KBPS_106, third.rate());
        third.transceive(h(SELECT));
        chip.assertDone();
    }

    @Test
    void aCleanActivationAtTheRaisedRateResetsTheCount() {
        ScriptedPn532 chip = new ScriptedPn532()
                .command("4E 01 02 02", "4F 01")
                .command("4E 01 02 02", "4F 00")
                .command("08 6302 80 6303 80", "09")
                .command("40 01 " + SELECT, "41 00 9000")
                .command("4E 01 02 02", "4F 01")
                .command("4E 01 02 02", "4F 00").start();
        BitRateNegotiator n = new BitRateNegotiator(reader(chip), new BitRatePolicy(BitRate.KBPS_424, 2, 100));
        n.open(NTAG424);
        n.open(NTAG424).transceive(h(SELECT));
        n.open(NTAG424);
        assertEquals(BitRate.KBPS_424, n.open(NTAG424).rate(), "one failure after a clean one is no fall-back");
        chip.assertDone();
    }
}
