package com.tagline.hardware.ntag223;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.TagLink;
import com.tagline.hardware.tag.TagLostException;
import com.tagline.hardware.tag.Target;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Exact frames of every NTAG 223 DNA command (ntag223.md §4) and the mapping of answers to results and errors. */
class Ntag223Test {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final String UID = "04AA2BD2335780";

    private final ScriptedType2Link link = new ScriptedType2Link(UID);
    private final Ntag223 chip = new Ntag223(link);

    static byte[] h(String hex) {
        return HEX.parseHex(hex.replaceAll("\\s+", ""));
    }

    @Test
    void getVersionSends60AndIdentifiesTheStatusDetectVariant() {
        link.expect("60", "0004040804000F03"); // ntag223.md §1.1 NT2H2331S0
        Ntag223Version v = chip.getVersion();
        assertEquals(Ntag223Variant.STATUS_DETECT, v.variant().orElseThrow());
        assertEquals(List.of(Duration.ofMillis(5)), link.timeouts());
        link.assertDone();
    }

    @Test
    void readSendsTheStartPageAndReturnsSixteenBytes() {
        link.expect("3004", "0342D1013E5501666F6F2E6261723F75");
        assertEquals("0342D1013E5501666F6F2E6261723F75", HEX.formatHex(chip.read(4)));
        link.assertDone();
    }

    @Test
    void fastReadSendsStartAndEndPage() {
        // Proxmark3 reads the mirror with 3A 04 10 and 3A 11 14 (ntag223.md §4).
        link.expect("3A1114", "31413739374239303936423033303231");
        byte[] pages = chip.fastRead(0x11, 0x14);
        assertEquals("1A797B9096B03021", new String(pages, java.nio.charset.StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class, () -> chip.fastRead(5, 4));
        link.assertDone();
    }

    @Test
    void writeSendsA2PageAndFourBytesAndExpectsAck() {
        link.expectAck("A229 983D083C"); // ntag223.md §6.4 CFG0 write
        chip.write(0x29, h("983D083C"));
        assertEquals(List.of(Duration.ofMillis(10)), link.timeouts());
        assertThrows(IllegalArgumentException.class, () -> chip.write(4, new byte[3]));
        link.assertDone();
    }

    @Test
    void compatibilityWriteSendsTwoFramesWithSixteenDataBytes() {
        link.expectAck("A005").expectAck("3E550166" + "00".repeat(12));
        chip.compatibilityWrite(5, h("3E550166"));
        assertEquals(List.of(Duration.ofMillis(5), Duration.ofMillis(10)), link.timeouts());
        link.assertDone();
    }

    @Test
    void readSigSends3C00AndReturns48Bytes() {
        String sig = "11".repeat(48);
        link.expect("3C00", sig);
        assertEquals(sig, HEX.formatHex(chip.readSig()));
        link.assertDone();
    }

    @Test
    void pwdAuthSendsThePasswordAsStoredAndReturnsPack() {
        link.expect("1B FFFFFFFF", "0000").expect("1B 01020304", "00");
        assertArrayEquals(new byte[2], chip.pwdAuth(h("FFFFFFFF")));
        assertTrue(chip.isAuthenticated());
        Ntag223NakException e = assertThrows(Ntag223NakException.class, () -> chip.pwdAuth(h("01020304")));
        assertEquals(Ntag223Nak.INVALID_ARGUMENT, e.nak());
        assertFalse(chip.isAuthenticated(), "a NAK sends the tag back to IDLE");
        link.assertDone();
    }

    @Test
    void readCntSends3902AndDecodesLsbFirst() {
        link.expect("3902", "030201"); // §4: 3 bytes, LSByte first [inferred]
        assertEquals(0x010203, chip.readCnt());
        link.assertDone();
    }

    @Test
    void readCntAddressComesFromTheProfile() {
        Ntag223 other = new Ntag223(link, Ntag223Profile.defaults().withReadCntAddress(0x00));
        link.expect("3900", "010000");
        assertEquals(1, other.readCnt());
        link.assertDone();
    }

    @Test
    void everyListedNakBecomesATypedError() {
        // ntag223.md §4 ACK/NAK table (NTAG213/215/216 [inferred]).
        String[][] cases = {{"0", "INVALID_ARGUMENT"}, {"1", "PARITY_OR_CRC_ERROR"},
            {"4", "AUTHENTICATION_COUNTER_OVERFLOW"}, {"5", "EEPROM_WRITE_ERROR"}};
        for (String[] c : cases) {
            link.expect("A20400000000", "0" + c[0]);
            Ntag223NakException e = assertThrows(Ntag223NakException.class, () -> chip.write(4, new byte[4]));
            assertEquals(Ntag223Nak.valueOf(c[1]), e.nak());
            assertEquals(Integer.parseInt(c[0]), e.code());
            assertEquals("WRITE", e.command());
            assertTrue(e.getMessage().contains("NAK " + c[0]), e.getMessage());
        }
        link.assertDone();
    }

    @Test
    void unknownNakKeepsItsRawValue() {
        link.expect("3004", "07");
        Ntag223NakException e = assertThrows(Ntag223NakException.class, () -> chip.read(4));
        assertNull(e.nak());
        assertEquals(7, e.code());
        assertTrue(e.getMessage().contains("unknown NAK"));
    }

    @Test
    void aMuteTagIsLost() {
        link.expect("3004", "");
        TagLostException e = assertThrows(TagLostException.class, () -> chip.read(4));
        assertTrue(e.getMessage().contains("READ"));
    }

    @Test
    void linkFailuresPropagateAndEndTheAuthentication() {
        link.expect("1B FFFFFFFF", "0000");
        chip.pwdAuth(h("FFFFFFFF"));
        Ntag223 lost = new Ntag223(new TagLink() {
            @Override
            public byte[] transceive(byte[] apdu) {
                throw new AssertionError("raw frames only");
            }

            @Override
            public byte[] transceiveRaw(byte[] frame, Duration timeout) {
                throw new TagLostException("left the field");
            }

            @Override
            public Target target() {
                return link.target();
            }
        });
        assertThrows(TagLostException.class, lost::getVersion);
        assertFalse(lost.isAuthenticated());
    }

    @Test
    void answersOfTheWrongShapeAreRejected() {
        link.expect("3004", "0A").expect("3004", "0011").expect("A20400000000", "0000").expect("3004", "FF");
        assertThrows(Ntag223AnswerException.class, () -> chip.read(4), "bare ACK where data was due");
        assertThrows(Ntag223AnswerException.class, () -> chip.read(4), "2 bytes instead of 16");
        assertThrows(Ntag223AnswerException.class, () -> chip.write(4, new byte[4]), "data instead of ACK");
        assertThrows(Ntag223AnswerException.class, () -> chip.read(4), "a byte that is no 4-bit value");
        link.assertDone();
    }

    @Test
    void pageAddressesAreOneByte() {
        assertThrows(IllegalArgumentException.class, () -> chip.read(256));
        assertThrows(IllegalArgumentException.class, () -> chip.write(-1, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> chip.pwdAuth(new byte[3]));
    }

    @Test
    void targetIsTheLinksTarget() {
        Target t = chip.link().target();
        assertEquals(UID, t.uidHex());
        assertFalse(t.isoDep());
    }
}
