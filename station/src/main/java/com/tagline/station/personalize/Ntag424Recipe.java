package com.tagline.station.personalize;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.CommMode;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.sdm.SunLayout;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import java.util.Optional;

/**
 * Everything the NTAG 424 DNA recipe needs besides the chip and the tag: master keys, the SUN
 * template, the originality trust list and write chunk sizes.
 *
 * <p>The chunk size keeps every NDEF write a single ISO 14443-4 frame, which the chip applies atomically
 * (NT4H2421Gx §8.2.3.1, §8.6; ntag424.md §1 anti-tearing): FSC 128 less PCB, CID and CRC_A (4), the APDU
 * header and Le (6) and the WriteData header (7) leaves 111; 104 also leaves room for a MAC.
 *
 * @param writeDataChunk bytes per WriteData (104 by default, at most 111)
 */
public record Ntag424Recipe(MasterKeySet keys, SunTemplate template, OriginalitySignature trust, int writeDataChunk) {
    public static final int NDEF_FILE_SIZE = 256;
    public static final int DEFAULT_WRITE_DATA_CHUNK = 104;
    static final int MAX_WRITE_DATA_CHUNK = 111;

    public Ntag424Recipe {
        if (writeDataChunk < 1 || writeDataChunk > MAX_WRITE_DATA_CHUNK) {
            throw new IllegalArgumentException("WriteData chunks must fit one frame: 1.." + MAX_WRITE_DATA_CHUNK
                    + " bytes, got " + writeDataChunk);
        }
    }

    public static Ntag424Recipe of(MasterKeySet keys, SunTemplate template, OriginalitySignature trust) {
        return new Ntag424Recipe(keys, template, trust, DEFAULT_WRITE_DATA_CHUNK);
    }

    /** Lays out a tag URL; throws {@link com.tagline.hardware.ndef.UrlDoesNotFitException} before any chip is touched. */
    public SunLayout layout(String tagUrl) {
        return SunLayout.build(tagUrl, template, null, NDEF_FILE_SIZE);
    }

    /** The factory settings of the NDEF file (DS §8.2.3.1, ntag424.md §1: 00 E0EE 000100). */
    public static FileSettings factoryNdefSettings() {
        return new FileSettings(CommMode.PLAIN, new AccessRights(0xE, 0xE, 0xE, 0x0), NDEF_FILE_SIZE,
                Optional.empty());
    }

    /** The personalized NDEF file: plain, read free, write/read-write/change key 0, SDM as laid out. */
    public static FileSettings personalizedNdefSettings(SunLayout layout) {
        return new FileSettings(CommMode.PLAIN, new AccessRights(0xE, 0x0, 0x0, 0x0), NDEF_FILE_SIZE,
                Optional.of(layout.sdm()));
    }
}
