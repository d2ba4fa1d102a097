package com.tagline.hardware.ntag424;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** File settings and SDM settings encoding (ntag424.md §1, §4 E/G, §7). */
class FileSettingsTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final int E = AccessRights.FREE;
    private static final int F = AccessRights.NEVER;

    private static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    /** Vector E settings: FileOption 40 · AR 00E0 · SDMOptions C1 · SDMAR F121 · PICC 20 · MACInput 43 · MAC 43. */
    private static SdmSettings vectorESdm() {
        return new SdmSettings(true, true, false, false, 2, 1, 1, -1, -1, 0x20, 0x43, -1, -1, 0x43, -1);
    }

    @Test
    void vectorGGetFileSettingsDecodesEveryField() {
        // icedevml/nfc-ev2-crypto test_ev2.py test_mac1 ("Section 5.3 Page 21") (vector G) response body:
        // FileType 00, FileOption 40, AR EEEE, size 000100, SDMOptions D1 [UID, ctr, ENC, ASCII], SDMAR FE00
        // [CtrRet E, MetaRead 0, FileRead 0], PICCDataOffset 1F, SDMMACInputOffset 44, SDMENCOffset 44,
        // SDMENCLength 20, SDMMACOffset 6A.
        String body = "0040EEEE000100D1FE001F00004400004400002000006A0000";
        FileSettings fs = FileSettings.decodeGet(hex(body));
        assertEquals(CommMode.PLAIN, fs.commMode());
        assertEquals(new AccessRights(E, E, E, E), fs.accessRights());
        assertEquals(0x100, fs.fileSize());
        assertEquals(0x40, fs.fileOption());
        assertTrue(fs.sdm().isPresent());
        SdmSettings s = fs.sdm().get();
        assertTrue(s.uidMirror());
        assertTrue(s.readCtrMirror());
        assertFalse(s.readCtrLimitEnabled());
        assertTrue(s.encFileData());
        assertEquals(0xD1, s.optionsByte());
        assertEquals(E, s.ctrRet());
        assertEquals(0, s.metaRead());
        assertEquals(0, s.fileRead());
        assertFalse(s.uidOffsetPresent());
        assertFalse(s.readCtrOffsetPresent());
        assertEquals(-1, s.uidOffset());
        assertEquals(-1, s.readCtrOffset());
        assertTrue(s.piccDataPresent());
        assertEquals(0x1F, s.piccDataOffset());
        assertTrue(s.macPresent());
        assertEquals(0x44, s.macInputOffset());
        assertTrue(s.encPresent());
        assertEquals(0x44, s.encOffset());
        assertEquals(0x20, s.encLength());
        assertEquals(0x6A, s.macOffset());
        assertEquals(-1, s.readCtrLimit());
        assertEquals(Optional.empty(), s.violation(fs.fileSize()));
        assertEquals(body, HEX.formatHex(fs.encodeForGet()));
        // The ChangeFileSettings form is the same without FileType and FileSize.
        assertEquals("40EEEED1FE001F00004400004400002000006A0000", HEX.formatHex(fs.encodeForChange()));
        assertEquals(fs, FileSettings.decodeChange(fs.encodeForChange(), 0x100));
    }

    @Test
    void vectorEEncodeForChange() {
        // AN12196 rev 2.0 §5.9 T18 (vector E), transcribed in icedevml/nfc-ev2-crypto test_ev2.py:
        // settings 4000E0C1F121200000430000430000.
        FileSettings fs = new FileSettings(CommMode.PLAIN, new AccessRights(E, 0, 0, 0), 256,
                Optional.of(vectorESdm()));
        assertEquals("4000E0C1F121200000430000430000", HEX.formatHex(fs.encodeForChange()));
        FileSettings back = FileSettings.decodeChange(hex("4000E0C1F121200000430000430000"), 256);
        assertEquals(fs, back);
        // ntag424.md §1: AN12196 example F1 21 = CtrRet 1, MetaRead 2, FileRead 1.
        assertEquals(1, back.sdm().get().ctrRet());
        assertEquals(2, back.sdm().get().metaRead());
        assertEquals(1, back.sdm().get().fileRead());
        assertEquals(Optional.empty(), back.sdm().get().violation(256));
    }

    @Test
    void btcPayServerBoltCardSettings() {
        // ntag424.md §7: BTCPayServer.BoltCardTools test expects 4000E0C1FF12030000010000020000
        // (MetaRead K1, FileRead K2, CtrRet never).
        String wire = "4000E0C1FF12030000010000020000";
        FileSettings fs = FileSettings.decodeChange(hex(wire), 256);
        assertEquals(CommMode.PLAIN, fs.commMode());
        assertEquals(new AccessRights(E, 0, 0, 0), fs.accessRights());
        SdmSettings s = fs.sdm().orElseThrow();
        assertTrue(s.uidMirror());
        assertTrue(s.readCtrMirror());
        assertFalse(s.encFileData());
        assertEquals(F, s.ctrRet());
        assertEquals(1, s.metaRead());
        assertEquals(2, s.fileRead());
        assertEquals(3, s.piccDataOffset());
        assertEquals(1, s.macInputOffset());
        assertEquals(2, s.macOffset());
        assertEquals(wire, HEX.formatHex(fs.encodeForChange()));
        assertEquals(wire, HEX.formatHex(new FileSettings(CommMode.PLAIN, new AccessRights(E, 0, 0, 0), 256,
                Optional.of(new SdmSettings(true, true, false, false, 1, 2, F, -1, -1, 3, 1, -1, -1, 2, -1)))
                .encodeForChange()));
    }

    @Test
    void factoryNdefSettings() {
        // ntag424.md §1 table (factory responses, MichaelsPlayground/TalkToYourNTAG424DNACard): NDEF file 02
        // 0000E0EE000100 = Plain, Read E, Write E, RW E, Change 0, 256 bytes.
        FileSettings fs = FileSettings.decodeGet(hex("0000E0EE000100"));
        assertEquals(CommMode.PLAIN, fs.commMode());
        assertEquals(E, fs.accessRights().read());
        assertEquals(E, fs.accessRights().write());
        assertEquals(E, fs.accessRights().readWrite());
        assertEquals(0, fs.accessRights().change());
        assertEquals(256, fs.fileSize());
        assertTrue(fs.sdm().isEmpty());
        assertEquals("0000E0EE000100", HEX.formatHex(fs.encodeForGet()));
        assertEquals("00E0EE", HEX.formatHex(fs.encodeForChange()));
    }

    @Test
    void factoryCcAndProprietarySettings() {
        // ntag424.md §1 table: CC file 01 `00 00 00E0 200000` (Plain, E/0/0/0, 32 B) and proprietary file 03
        // `00 03 3023 800000` (Full, 2/3/3/0, 128 B).
        FileSettings cc = FileSettings.decodeGet(hex("000000E0200000"));
        assertEquals(CommMode.PLAIN, cc.commMode());
        assertEquals(new AccessRights(E, 0, 0, 0), cc.accessRights());
        assertEquals(32, cc.fileSize());
        assertEquals("000000E0200000", HEX.formatHex(cc.encodeForGet()));
        FileSettings prop = FileSettings.decodeGet(hex("00033023800000"));
        assertEquals(CommMode.FULL, prop.commMode());
        assertEquals(new AccessRights(2, 3, 3, 0), prop.accessRights());
        assertEquals(128, prop.fileSize());
        assertEquals("00033023800000", HEX.formatHex(prop.encodeForGet()));
    }

    @Test
    void accessRightsWireOrder() {
        // ntag424.md §1: byte0 = RW<<4 | Change, byte1 = Read<<4 | Write.
        AccessRights ar = new AccessRights(2, 3, 4, 0);
        assertEquals("4023", HEX.formatHex(ar.encode()));
        assertEquals(ar, AccessRights.decode((byte) 0x40, (byte) 0x23));
        assertThrows(IllegalArgumentException.class, () -> new AccessRights(5, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AccessRights(0, 0, 0, 0x10));
        assertTrue(AccessRights.grants(E, null));
        assertTrue(AccessRights.grants(2, 2));
        assertFalse(AccessRights.grants(2, 1));
        assertFalse(AccessRights.grants(2, null));
        assertFalse(AccessRights.grants(F, 0));
    }

    @Test
    void plainMirrorFieldOrder() {
        // ntag424.md §7 [inferred] tappa nibble test: 4023E1C1F2E1 110000 220000 440000 440000
        // (plain UID @0x11, ctr @0x22, MetaRead E, FileRead 1, CtrRet 2).
        String wire = "4023E1C1F2E1110000220000440000440000";
        FileSettings fs = FileSettings.decodeChange(hex(wire), 256);
        SdmSettings s = fs.sdm().orElseThrow();
        assertTrue(s.uidOffsetPresent());
        assertTrue(s.readCtrOffsetPresent());
        assertFalse(s.piccDataPresent());
        assertEquals(0x11, s.uidOffset());
        assertEquals(0x22, s.readCtrOffset());
        assertEquals(-1, s.piccDataOffset());
        assertEquals(0x44, s.macInputOffset());
        assertEquals(0x44, s.macOffset());
        assertEquals(wire, HEX.formatHex(fs.encodeForChange()));
        assertEquals(Optional.empty(), s.violation(256));
    }

    @Test
    void violationDetectsOverlappingMirrors() {
        // PICCData [0x20, 0x40) and MAC [0x30, 0x40) overlap.
        SdmSettings s = new SdmSettings(true, true, false, false, 2, 1, F, -1, -1, 0x20, 0x30, -1, -1, 0x30, -1);
        Optional<String> v = s.violation(256);
        assertTrue(v.isPresent());
        assertTrue(v.get().contains("overlap"), v.get());
        // BTCPayServer's synthetic offsets (PICC 3, MAC 2) overlap as well.
        assertTrue(FileSettings.decodeChange(hex("4000E0C1FF12030000010000020000"), 256).sdm().get()
                .violation(256).isPresent());
        // Plain UID [0x11, 0x1F) and counter starting at 0x1E overlap.
        SdmSettings plain = new SdmSettings(true, true, false, false, E, 1, F, 0x11, 0x1E, -1, 0x44, -1, -1, 0x44, -1);
        assertTrue(plain.violation(256).orElseThrow().contains("overlap"));
        // Adjacent mirrors do not overlap.
        SdmSettings adjacent = new SdmSettings(true, true, false, false, E, 1, F, 0x11, 0x1F, -1, 0x25, -1, -1, 0x25, -1);
        assertEquals(Optional.empty(), adjacent.violation(256));
    }

    @Test
    void violationDetectsMacInputAfterMacOffset() {
        SdmSettings s = new SdmSettings(true, true, false, false, 2, 1, F, -1, -1, 0x20, 0x50, -1, -1, 0x43, -1);
        assertTrue(s.violation(256).orElseThrow().contains("SDMMACInputOffset"));
    }

    @Test
    void violationDetectsEncWithoutUidAndCounter() {
        // ntag424.md §7: ENC requires FileRead ≠ F and both UID and Ctr mirrored.
        SdmSettings noCtr = new SdmSettings(true, false, false, true, 0, 0, F, -1, -1, 0x20, 0x44, 0x44, 0x20, 0x6A,
                -1);
        assertTrue(noCtr.violation(256).orElseThrow().contains("SDMENCFileData"));
        SdmSettings noUid = new SdmSettings(false, true, false, true, 0, 0, F, -1, -1, 0x20, 0x44, 0x44, 0x20, 0x6A,
                -1);
        assertTrue(noUid.violation(256).orElseThrow().contains("SDMENCFileData"));
        SdmSettings noFileRead = new SdmSettings(true, true, false, true, 0, F, F, -1, -1, 0x20, -1, -1, -1, -1, -1);
        assertTrue(noFileRead.violation(256).orElseThrow().contains("SDMENCFileData"));
        // ENC length must be a positive multiple of 32.
        SdmSettings badLen = new SdmSettings(true, true, false, true, 0, 0, F, -1, -1, 0x1F, 0x44, 0x44, 0x10, 0x6A,
                -1);
        assertTrue(badLen.violation(256).isPresent());
        // ENC must end before the MAC.
        SdmSettings encOverMac = new SdmSettings(true, true, false, true, 0, 0, F, -1, -1, 0x1F, 0x44, 0x44, 0x40,
                0x6A, -1);
        assertTrue(encOverMac.violation(256).isPresent());
    }

    @Test
    void violationDetectsOffsetsOutsideTheFile() {
        // MAC mirror [250, 266) exceeds a 256-byte file.
        SdmSettings mac = new SdmSettings(true, true, false, false, 2, 1, F, -1, -1, 0x20, 0x43, -1, -1, 250, -1);
        assertTrue(mac.violation(256).orElseThrow().contains("exceeds"));
        // PICCData [240, 272).
        SdmSettings picc = new SdmSettings(true, true, false, false, 2, 1, F, -1, -1, 240, 0x43, -1, -1, 0x43, -1);
        assertTrue(picc.violation(256).isPresent());
        // Vector E settings fit a 256-byte file but not a 64-byte one.
        assertEquals(Optional.empty(), vectorESdm().violation(256));
        assertTrue(vectorESdm().violation(64).isPresent());
        // Exactly at the end is fine: MAC [240, 256).
        SdmSettings edge = new SdmSettings(true, true, false, false, 2, 1, F, -1, -1, 0x20, 0x43, -1, -1, 240, -1);
        assertEquals(Optional.empty(), edge.violation(256));
    }

    @Test
    void violationDetectsAccessRightRules() {
        // ntag424.md §7: MetaRead ≠ F requires UID or Ctr mirroring; MetaRead = F with UID mirroring is illegal;
        // CtrRet ≠ F requires Ctr.
        assertTrue(new SdmSettings(false, false, false, false, 2, 1, F, -1, -1, 0x20, 0x43, -1, -1, 0x43, -1)
                .violation(256).isPresent());
        assertTrue(new SdmSettings(true, false, false, false, F, 1, F, -1, -1, -1, 0x43, -1, -1, 0x43, -1)
                .violation(256).isPresent());
        assertTrue(new SdmSettings(true, false, false, false, 2, 1, 1, -1, -1, 0x20, 0x43, -1, -1, 0x43, -1)
                .violation(256).isPresent());
    }

    @Test
    void decodeChangeRejectsTrailingBytesAndTruncation() {
        String e = "4000E0C1F121200000430000430000";
        assertThrows(IllegalArgumentException.class, () -> FileSettings.decodeChange(hex(e + "00"), 256));
        byte[] full = hex(e);
        for (int n = 0; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            assertThrows(IllegalArgumentException.class, () -> FileSettings.decodeChange(cut, 256), "length " + n);
        }
        // Without SDM the body is FileOption ‖ AR only.
        assertThrows(IllegalArgumentException.class, () -> FileSettings.decodeChange(hex("00E0EE00"), 256));
        assertEquals(3, FileSettings.decodeChange(hex("00E0EE"), 256).encodeForChange().length);
    }

    @Test
    void decodeGetRejectsMalformedInput() {
        // Trailing byte after the factory NDEF settings (ntag424.md §1).
        assertThrows(IllegalArgumentException.class, () -> FileSettings.decodeGet(hex("0000E0EE00010000")));
        // Truncated.
        assertThrows(IllegalArgumentException.class, () -> FileSettings.decodeGet(hex("0000E0EE0001")));
        // Not a standard data file.
        assertThrows(IllegalArgumentException.class, () -> FileSettings.decodeGet(hex("0100E0EE000100")));
        // FileOption RFU bits.
        assertThrows(IllegalArgumentException.class, () -> FileSettings.decodeGet(hex("0004E0EE000100")));
        // SDMOptions without the ASCII bit.
        assertThrows(IllegalArgumentException.class,
                () -> FileSettings.decodeChange(hex("4000E0C0F121200000430000430000"), 256));
        // SDMAccessRights RFU nibble not F.
        assertThrows(IllegalArgumentException.class,
                () -> FileSettings.decodeChange(hex("4000E0C1E121200000430000430000"), 256));
    }
}
