package com.tagline.hardware.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.ExchangeInDoubtException;
import com.tagline.hardware.tag.TransportException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Robustness of the command dialog (UM0701-02 §6.2): resend, NACK, abort, error frame, resync. */
class Pn532DialogTest {
    private static final FirmwareVersion V16 = new FirmwareVersion(0x32, 1, 6, 7);
    private static final String FIRMWARE = Hex.rsp("03 32010607");
    /** The same response with a wrong DCS (E8 → E9). */
    private static final String FIRMWARE_BAD_DCS = "0000FF06FAD50332010607E900";

    private static Pn532 driver(ScriptedPn532 chip, Duration ack, Duration response) {
        Pn532Settings settings = Pn532Settings.defaults()
                .withTimeouts(Pn532Timeouts.uniform(ack, response, Duration.ofMillis(20)));
        return new Pn532(chip.hostLink(), settings, d -> { });
    }

    private static Pn532 driver(ScriptedPn532 chip) {
        return driver(chip, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void commandIsResentWhenTheAckIsLost() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("02"))
                .expect(Hex.cmd("02"), Hex.ACK, FIRMWARE)
                .start();
        assertEquals(V16, driver(chip, Duration.ofMillis(200), Duration.ofSeconds(2)).getFirmwareVersion());
        chip.assertDone();
    }

    /**
     * Issue 12: a late ACK made the driver send InDataExchange again, and a PN532 that had the first copy
     * passed the chip command on twice (a second ChangeKey answered 91AE). Such a frame is sent once; without
     * its ACK the exchange is aborted and is in doubt.
     */
    @Test
    void aCommandForTheChipIsNeverSentTwiceWhenItsAckIsLate() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("40 01 90 60 00 00 00"))
                .expect(Hex.ACK)
                .start();
        Pn532 pn532 = driver(chip, Duration.ofMillis(100), Duration.ofSeconds(2));
        ExchangeInDoubtException e = assertThrows(ExchangeInDoubtException.class,
                () -> pn532.inDataExchange(1, Hex.h("90600000 00")));
        chip.assertDone();
        assertTrue(e.getMessage().contains("not sent again"), e.getMessage());
    }

    /**
     * Issue 12 (serial faults): the answer to a chip command that never comes, or comes garbled after every NACK,
     * is in doubt as a late ACK is: the PN532 passed the command on and the chip may have run it. Before, it was a
     * plain transport failure and the encoder failed a chip it could have resumed in place.
     */
    @Test
    void aChipCommandsAnswerThatNeverComesIsInDoubt() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("40 01 90 60 00 00 00"), Hex.ACK)
                .expect(Hex.ACK)
                .start();
        Pn532 pn532 = driver(chip, Duration.ofSeconds(2), Duration.ofMillis(150));
        ExchangeInDoubtException e = assertThrows(ExchangeInDoubtException.class,
                () -> pn532.inDataExchange(1, Hex.h("90600000 00")));
        chip.assertDone();
        assertTrue(e.getMessage().contains("no response to InDataExchange within 150 ms"), e.getMessage());
    }

    @Test
    void aChipCommandsAnswerGarbledAfterEveryNackIsInDoubt() {
        String bad = "0000FF04FCD541009000" + "00"; // InDataExchange answer with a wrong DCS
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("40 01 90 60 00 00 00"), Hex.ACK, bad)
                .expect(Hex.NACK, bad)
                .expect(Hex.NACK, bad)
                .expect(Hex.ACK)
                .start();
        ExchangeInDoubtException e = assertThrows(ExchangeInDoubtException.class,
                () -> driver(chip).inDataExchange(1, Hex.h("90600000 00")));
        chip.assertDone();
        assertTrue(e.getMessage().contains("after 2 NACKs"), e.getMessage());
    }

    @Test
    void givesUpAfterThreeSendsWithoutAckAndAborts() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("02"))
                .expect(Hex.cmd("02"))
                .expect(Hex.cmd("02"))
                .expect(Hex.ACK)
                .start();
        Pn532 pn532 = driver(chip, Duration.ofMillis(100), Duration.ofSeconds(2));
        TransportException e = assertThrows(TransportException.class, pn532::getFirmwareVersion);
        chip.assertDone();
        assertTrue(e.getMessage().contains("no ACK for GetFirmwareVersion after 3 attempts"), e.getMessage());
    }

    @Test
    void corruptResponseIsRequestedAgainWithNack() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("02"), Hex.ACK, FIRMWARE_BAD_DCS)
                .expect(Hex.NACK, FIRMWARE)
                .start();
        assertEquals(V16, driver(chip).getFirmwareVersion());
        chip.assertDone();
    }

    @Test
    void persistentCorruptionAbortsAfterTwoNacks() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("02"), Hex.ACK, FIRMWARE_BAD_DCS)
                .expect(Hex.NACK, FIRMWARE_BAD_DCS)
                .expect(Hex.NACK, FIRMWARE_BAD_DCS)
                .expect(Hex.ACK)
                .start();
        TransportException e = assertThrows(TransportException.class, driver(chip)::getFirmwareVersion);
        chip.assertDone();
        assertTrue(e.getMessage().contains("after 2 NACKs"), e.getMessage());
    }

    @Test
    void responseTimeoutSendsAbortAckAndFlushesLateBytes() {
        // The late bytes (a stale InListPassiveTarget answer) arrive after the abort; the next
        // command must not see them.
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("4A 01 00"), Hex.ACK)
                .expect(Hex.ACK, Hex.rsp("4B 00"))
                .command("32 01 01", "33")
                .start();
        Pn532 pn532 = driver(chip, Duration.ofSeconds(2), Duration.ofMillis(150));
        TransportException e = assertThrows(TransportException.class,
                () -> pn532.inListPassiveTarget(1, new byte[0]));
        assertTrue(e.getMessage().contains("no response to InListPassiveTarget"), e.getMessage());
        pn532.rfField(true);
        chip.assertDone();
    }

    @Test
    void errorFrameIsAFrameException() {
        ScriptedPn532 chip = new ScriptedPn532().expect(Hex.cmd("02"), Hex.ACK, Hex.ERROR_FRAME).start();
        Pn532FrameException e = assertThrows(Pn532FrameException.class, driver(chip)::getFirmwareVersion);
        chip.assertDone();
        assertTrue(e.getMessage().contains("syntax error frame"), e.getMessage());
    }

    @Test
    void errorFrameInsteadOfAckIsAFrameException() {
        ScriptedPn532 chip = new ScriptedPn532().expect(Hex.cmd("02"), Hex.ERROR_FRAME).start();
        assertThrows(Pn532FrameException.class, driver(chip)::getFirmwareVersion);
        chip.assertDone();
    }

    @Test
    void responseWhoseAckWasLostIsAccepted() {
        ScriptedPn532 chip = new ScriptedPn532().expect(Hex.cmd("02"), FIRMWARE).start();
        assertEquals(V16, driver(chip).getFirmwareVersion());
        chip.assertDone();
    }

    @Test
    void damagedAckIsTakenAsAck() {
        ScriptedPn532 chip = new ScriptedPn532().expect(Hex.cmd("02"), "0000FF00FE00", FIRMWARE).start();
        assertEquals(V16, driver(chip).getFirmwareVersion());
        chip.assertDone();
    }

    @Test
    void staleInputIsDiscardedBeforeTheCommand() {
        // A firmware response with other values already waits on the line: it must not be taken.
        ScriptedPn532 chip = new ScriptedPn532()
                .unsolicited(Hex.ACK + Hex.rsp("03 32000000"))
                .expect(Hex.cmd("02"), Hex.ACK, FIRMWARE)
                .start();
        assertEquals(V16, driver(chip).getFirmwareVersion());
        chip.assertDone();
    }

    @Test
    void responsesToOtherCommandsAreSkipped() {
        ScriptedPn532 chip = new ScriptedPn532()
                .expect(Hex.cmd("02"), Hex.ACK, Hex.rsp("4B 00"), Hex.ACK, "00000000", FIRMWARE)
                .start();
        assertEquals(V16, driver(chip).getFirmwareVersion());
        chip.assertDone();
    }

    @Test
    void hostFrameFromThePn532IsAFrameException() {
        ScriptedPn532 chip = new ScriptedPn532().expect(Hex.cmd("02"), Hex.ACK, Hex.cmd("03 32010607")).start();
        assertThrows(Pn532FrameException.class, driver(chip)::getFirmwareVersion);
        chip.assertDone();
    }

    @Test
    void closedLinkIsATransportException() {
        ScriptedPn532 chip = new ScriptedPn532().start();
        chip.hostLink().close();
        assertThrows(TransportException.class, driver(chip)::getFirmwareVersion);
    }
}
