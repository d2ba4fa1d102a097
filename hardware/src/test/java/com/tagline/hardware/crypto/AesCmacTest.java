package com.tagline.hardware.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** AES-CMAC and the NTAG MACt truncation against published vectors (ntag424.md §5 and §4). */
class AesCmacTest {
    private static final HexFormat HEX = HexFormat.of();
    /** RFC 4493 §4 key K (ntag424.md §5). */
    private static final byte[] RFC_KEY = hex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final String RFC_MSG_64 = "6bc1bee22e409f96e93d7e117393172a"
            + "ae2d8a571e03ac9c9eb76fac45af8e51"
            + "30c81c46a35ce411e5fbc1191a0a52ef"
            + "f69f2445df4f9b17ad2b417be66c3710";

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    @Test
    void rfc4493Example1EmptyMessage() {
        // RFC 4493 §4 Example 1: length 0 (ntag424.md §5).
        assertArrayEquals(hex("bb1d6929e95937287fa37d129b756746"), AesCmac.cmac(RFC_KEY, new byte[0]));
    }

    @Test
    void rfc4493Example2OneBlock() {
        // RFC 4493 §4 Example 2: length 16 (ntag424.md §5).
        assertArrayEquals(hex("070a16b46b4d4144f79bdd9dd04a287c"),
                AesCmac.cmac(RFC_KEY, hex(RFC_MSG_64.substring(0, 32))));
    }

    @Test
    void rfc4493Example3PartialLastBlock() {
        // RFC 4493 §4 Example 3: length 40 (ntag424.md §5).
        assertArrayEquals(hex("dfa66747de9ae63030ca32611497c827"),
                AesCmac.cmac(RFC_KEY, hex(RFC_MSG_64.substring(0, 80))));
    }

    @Test
    void rfc4493Example4FourBlocks() {
        // RFC 4493 §4 Example 4: length 64 (ntag424.md §5).
        assertArrayEquals(hex("51f0bebf7e3b9d92fc49741779363cfe"), AesCmac.cmac(RFC_KEY, hex(RFC_MSG_64)));
    }

    @Test
    void offsetLengthOverloadMacsOnlyTheSlice() {
        // RFC 4493 §4 Example 3 (length 40) embedded in a larger buffer.
        byte[] buffer = new byte[3 + 40 + 5];
        System.arraycopy(hex(RFC_MSG_64.substring(0, 80)), 0, buffer, 3, 40);
        assertArrayEquals(hex("dfa66747de9ae63030ca32611497c827"), AesCmac.cmac(RFC_KEY, buffer, 3, 40));
        // RFC 4493 §4 Example 1: a zero-length slice is the empty message.
        assertArrayEquals(hex("bb1d6929e95937287fa37d129b756746"), AesCmac.cmac(RFC_KEY, buffer, 7, 0));
    }

    @Test
    void truncateTakesOddIndicesOfVectorHCase2() {
        // AN12196 rev 2.0 §5.16.2 T26 (vector H case 2), transcribed in atknatk/tappa changekey_test.go and
        // drusifer/ntag424_sdm_provisioner AN12196_CHANGEKEY_EXAMPLE.md:
        // full CMAC B7A60161F202EC3489BD4BEDEF64BB32 → MACt A6610234BDED6432.
        assertArrayEquals(hex("A6610234BDED6432"), AesCmac.truncate(hex("B7A60161F202EC3489BD4BEDEF64BB32")));
    }

    @Test
    void fullCmacAndMacTOfVectorHCase2() {
        // AN12196 rev 2.0 §5.16.2 T26 (vector H case 2): SesAuthMACKey from vector C (AN12196 rev 2.0 §5.14 T23),
        // MAC input = C4 ‖ CmdCtr 0300 ‖ TI 7614281A ‖ KeyNo 00 ‖ ciphertext.
        byte[] macKey = hex("5529860B2FC5FB6154B7F28361D30BF9");
        byte[] input = hex("C403007614281A00"
                + "C0EB4DEEFEDDF0B513A03A95A75491818580503190D4D05053FF75668A01D6FD");
        assertArrayEquals(hex("B7A60161F202EC3489BD4BEDEF64BB32"), AesCmac.cmac(macKey, input));
        assertArrayEquals(hex("A6610234BDED6432"), AesCmac.macT(macKey, input));
    }

    @Test
    void macTOfVectorE() {
        // AN12196 rev 2.0 §5.9 T18 (vector E), transcribed in icedevml/nfc-ev2-crypto test_ev2.py:
        // SesAuthMACKey from vector A, MAC input 5F01009D00C4DF0261B6D97903566E84C3AE5274467E89EA → D799B7C1A0EF7A04.
        byte[] macKey = hex("4C6626F5E72EA694202139295C7A7FC7");
        byte[] input = hex("5F01009D00C4DF0261B6D97903566E84C3AE5274467E89EA");
        assertArrayEquals(hex("D799B7C1A0EF7A04"), AesCmac.macT(macKey, input));
        byte[] framed = new byte[input.length + 4];
        System.arraycopy(input, 0, framed, 2, input.length);
        assertArrayEquals(hex("D799B7C1A0EF7A04"), AesCmac.macT(macKey, framed, 2, input.length));
        assertEquals(8, AesCmac.macT(macKey, input).length);
    }

    @Test
    void rejectsKeysThatAreNotAes128() {
        assertThrows(IllegalArgumentException.class, () -> AesCmac.cmac(new byte[15], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> AesCmac.cmac(new byte[24], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> AesCmac.cmac(null, new byte[0]));
    }
}
