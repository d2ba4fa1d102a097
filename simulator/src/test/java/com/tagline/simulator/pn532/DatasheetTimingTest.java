package com.tagline.simulator.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tagline.hardware.tag.BitRate;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The datasheet timing model against hand-computed values: one etu is 128/fc = 9.4395 µs at 106 kbit/s
 * (ISO/IEC 14443-2), a frame of n bytes is 9n + 2 etu (ISO/IEC 14443-3 §6.2.3.2), the frame delay 1236/fc =
 * 91.15 µs (§6.2.1.1).
 */
class DatasheetTimingTest {
    private static final byte[] NTAG424_ATS = HexFormat.of().parseHex("067777710280");
    private static final double ETU_106_US = 128 / 13.56;
    private static final double FDT_US = 1236 / 13.56;
    private final DatasheetTiming model = DatasheetTiming.defaults();

    private static RfExchange apdu(String hex, BitRate rate) {
        return new RfExchange(RfExchange.Kind.APDU, HexFormat.of().parseHex(hex), rate, NTAG424_ATS, 7);
    }

    private static void assertMicros(double expected, Duration actual) {
        assertEquals(expected, actual.toNanos() / 1000.0, 0.01);
    }

    @Test
    void framesAreNineEtuPerByteAndTwoForStartAndEnd() {
        assertMicros(20 * ETU_106_US, AirTime.frame(2, BitRate.KBPS_106));
        assertMicros(20 * ETU_106_US / 4, AirTime.frame(2, BitRate.KBPS_424));
        assertMicros(9 * ETU_106_US, AirTime.shortFrame());
        assertMicros(FDT_US, AirTime.FRAME_DELAY);
    }

    @Test
    void aReadApduIsItsBlockTheFrameDelayAndTheReadTime() {
        // GetVersion 90 60 00 00 00: I-block of 5 + PCB + CRC = 8 bytes = 74 etu; answer 9 bytes → 12 → 110 etu.
        RfExchange ex = apdu("9060000000", BitRate.KBPS_106);
        assertMicros(74 * ETU_106_US + FDT_US + 500, model.request(ex));
        assertMicros(110 * ETU_106_US, model.answer(ex, 9));
        RfExchange fast = apdu("9060000000", BitRate.KBPS_424);
        assertMicros(74 * ETU_106_US / 4 + FDT_US + 500, model.request(fast));
    }

    @Test
    void aChangeKeyIsOneAesStepAndOneAtomicPageWrite() {
        // 90 C4 00 00 29 | 01 | 32-byte cryptogram | 8-byte MAC | 00: 47 bytes; key + version = 17 bytes = one
        // 32-byte page, 2 write cycles of 1 ms (NT4H2421Gx §5 Table 2), one AES step of 1 ms, the read time.
        RfExchange ex = apdu("90C4000029" + "01" + "AB".repeat(40) + "00", BitRate.KBPS_106);
        assertMicros((47 + 3) * 9 * ETU_106_US + 2 * ETU_106_US + FDT_US + 500 + 1000 + 2000, model.request(ex));
    }

    @Test
    void longAnswersComeInBlocksOfTheReadersFsdWithAnAckBetween() {
        // 102 bytes at FSD 64: 61 bytes of INF per block → 2 blocks, 108 bytes of blocks, one R(ACK) (3 bytes)
        // and two frame delays between them (ISO/IEC 14443-4 §7.5.2).
        RfExchange ex = apdu("90AD0000070200000064000000", BitRate.KBPS_106);
        double blocks = (9 * 108 + 2) * ETU_106_US;
        double ack = (9 * 3 + 2) * ETU_106_US + 2 * FDT_US;
        assertMicros(blocks + ack, model.answer(ex, 102));
    }

    @Test
    void anUnauthenticatedReadOfTheNdefFileIsAnSdmRead() {
        // ReadData file 02 plain: PICCData encryption and SDMMAC (2 AES steps) and the counter write (1 page).
        RfExchange sdm = apdu("90AD00000702000000640000" + "00", BitRate.KBPS_106);
        RfExchange cc = apdu("90AD00000701000000200000" + "00", BitRate.KBPS_106);
        assertMicros(2 * 1000 + 2 * 1000, model.request(sdm).minus(model.request(cc)));
    }

    @Test
    void type2WritesCostThePageWriteAndA4BitAck() {
        RfExchange write = new RfExchange(RfExchange.Kind.FRAME, HexFormat.of().parseHex("A20401020304"),
                BitRate.KBPS_106, new byte[0], 7);
        assertMicros(((6 + 2) * 9 + 2) * ETU_106_US + FDT_US + 4100, model.request(write));
        assertMicros(6 * ETU_106_US, model.answer(write, 1));
    }

    @Test
    void activationCountsCascadeLevelsRatsAndTheGuardTime() {
        RfExchange type2 = new RfExchange(RfExchange.Kind.ACTIVATION, new byte[0], BitRate.KBPS_106, new byte[0], 7);
        RfExchange isoDep = new RfExchange(RfExchange.Kind.ACTIVATION, new byte[0], BitRate.KBPS_106, NTAG424_ATS, 7);
        double level = (20 + 47 + 83 + 29) * ETU_106_US + 2 * FDT_US; // 2 → 5 bytes, 9 → 3 bytes
        assertMicros((9 + 20) * ETU_106_US + FDT_US + 2 * level, model.request(type2));
        // RATS (4 bytes) → ATS (6 + CRC), the read time, SFGT 604.1 µs (TB(1) 71).
        double rats = (38 + 74) * ETU_106_US + FDT_US + 500 + 256.0 * 16 / 13.56 * 2;
        assertMicros((9 + 20) * ETU_106_US + FDT_US + 2 * level + rats, model.request(isoDep));
    }

    @Test
    void parametersAreNamedAndChecked() {
        DatasheetTiming slow = model.with("eeprom-write-us", 2000).with("reader-fsd", 256);
        assertEquals(2000, slow.value("eeprom-write-us"));
        assertEquals(256, slow.readerFsd());
        assertEquals(DatasheetTiming.PARAMETERS.size(), DatasheetTiming.PARAMETERS.stream()
                .map(p -> model.value(p.name())).count());
        assertThrows(IllegalArgumentException.class, () -> model.with("no-such", 1));
        assertThrows(IllegalArgumentException.class, () -> model.with("reader-fsd", 8));
    }
}
