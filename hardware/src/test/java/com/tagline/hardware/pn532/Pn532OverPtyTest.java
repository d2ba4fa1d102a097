package com.tagline.hardware.pn532;

import static com.tagline.hardware.pn532.Hex.h;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tagline.hardware.serial.JsscSerialLink;
import com.tagline.hardware.serial.SocatPtyPair;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole host stack over a real pty pair: jssc, frames, dialog, driver, TagLink. */
class Pn532OverPtyTest {
    @TempDir
    Path dir;
    private SocatPtyPair ptys;
    private JsscSerialLink chipSide;

    @BeforeEach
    void startSocat() throws Exception {
        Assumptions.assumeTrue(SocatPtyPair.available(),
                "socat is not on PATH: install it (apt-get install -y socat) to run the PN532 over a real pty");
        ptys = SocatPtyPair.start(dir);
        chipSide = JsscSerialLink.open(ptys.second().toString(), 115_200);
    }

    @AfterEach
    void stop() {
        if (chipSide != null) {
            chipSide.close();
        }
        if (ptys != null) {
            ptys.close();
        }
    }

    @Test
    void initListExchangeAndCloseOverAPty() {
        ScriptedPn532 chip = Pn532Test.expectInit(new ScriptedPn532(chipSide))
                .expect(Hex.cmd("10 06"), Hex.ACK, Hex.rsp("11"))
                .expect(Hex.ACK)
                .command("4A 01 00", "4B 01 01 03 44 20 07 04968CAA5C5E80 06 77 77 71 02 80")
                .command("40 01 00A4040C07D276000085010100", "41 00 9000")
                .expect(Hex.cmd("10 04"), Hex.ACK, Hex.rsp("11"))
                .expect(Hex.ACK)
                .command("32 01 00", "33")
                .start();
        Pn532Settings settings = Pn532Settings.defaults().withSerialBaudRate(460_800).withTimeouts(
                Pn532Timeouts.uniform(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMillis(5)));
        try (Pn532 pn532 = new Pn532(JsscSerialLink.open(ptys.first().toString(), 115_200), settings, d -> { })) {
            assertEquals(FirmwareVersion.IC_PN532, pn532.init().ic());
            PassiveTarget target = pn532.inListPassiveTarget(1, new byte[0]).get(0);
            Pn532TagLink link = new Pn532TagLink(pn532, target);
            assertEquals("9000", Hex.hex(link.transceive(h("00A4040C07D276000085010100"))));
        }
        chip.assertDone();
    }
}
