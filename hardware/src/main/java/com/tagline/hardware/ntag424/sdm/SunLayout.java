package com.tagline.hardware.ntag424.sdm;

import com.tagline.hardware.ndef.UrlDoesNotFitException;
import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.SdmSettings;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The NDEF file content and SDM settings for one tag URL (DS §9.3, §10.7.1; ntag424.md §7):
 * placeholders are replaced by '0' characters of the mirror's length, and each SDM offset is the
 * absolute file offset of its mirror (the 2 NLEN bytes and the 5-byte record header count).
 *
 * @param url the URL with zeroed placeholders, as a phone would read it from a fresh chip
 * @param ndefFile NLEN (2 bytes, MSB first, NFC Forum T4T §5.1) ‖ the URI record
 * @param sdm the SDM settings for ChangeFileSettings
 */
public record SunLayout(String url, byte[] ndefFile, SdmSettings sdm) {
    public static final int NLEN_SIZE = 2;
    private static final Map<String, Integer> LENGTHS = Map.of("picc", SdmSettings.PICC_DATA_ASCII_LENGTH, "uid",
            SdmSettings.UID_ASCII_LENGTH, "ctr", SdmSettings.READ_CTR_ASCII_LENGTH, "enc", 32, "mac",
            SdmSettings.MAC_ASCII_LENGTH);

    public SunLayout {
        ndefFile = ndefFile.clone();
    }

    @Override
    public byte[] ndefFile() {
        return ndefFile.clone();
    }

    /**
     * Lays out {@code tagUrl} with the template for an NDEF file of {@code fileSize} bytes.
     *
     * @param encPlaintext the file data the chip encrypts into {@code {enc}} (up to 16 ASCII bytes;
     *     padded with '0'); ignored without {@code {enc}}
     * @throws UrlDoesNotFitException when the record does not fit the file
     * @throws IllegalArgumentException for an invalid placeholder combination
     */
    public static SunLayout build(String tagUrl, SunTemplate template, String encPlaintext, int fileSize) {
        String withPlaceholders = template.applyTo(tagUrl);
        NdefUri abbreviated = NdefUri.of(withPlaceholders);
        String stored = abbreviated.storedText();
        int base = NLEN_SIZE + NdefUri.RECORD_OVERHEAD;
        Map<String, Integer> offsets = new HashMap<>();
        StringBuilder text = new StringBuilder();
        Matcher m = SunTemplate.PLACEHOLDER.matcher(stored);
        int last = 0;
        while (m.find()) {
            String name = m.group(1);
            if (offsets.containsKey(name)) {
                throw new IllegalArgumentException("SUN placeholder {" + name + "} appears twice");
            }
            text.append(stored, last, m.start());
            offsets.put(name, base + utf8Length(text));
            text.append(name.equals("enc") ? encField(encPlaintext) : "0".repeat(LENGTHS.get(name)));
            last = m.end();
        }
        text.append(stored, last, stored.length());
        String prefix = withPlaceholders.substring(0, withPlaceholders.length() - stored.length());
        NdefUri record = NdefUri.of(prefix + text);
        int needed = NLEN_SIZE + NdefUri.RECORD_OVERHEAD + utf8Length(record.storedText());
        if (needed > fileSize) {
            throw new UrlDoesNotFitException(tagUrl, "NTAG 424 DNA NDEF file", needed, fileSize);
        }
        byte[] rec = record.record();
        byte[] file = new byte[NLEN_SIZE + rec.length];
        file[0] = (byte) (rec.length >>> 8);
        file[1] = (byte) rec.length;
        System.arraycopy(rec, 0, file, NLEN_SIZE, rec.length);
        SdmSettings sdm = settings(offsets, template);
        sdm.violation(fileSize).ifPresent(v -> {
            throw new IllegalArgumentException("SUN template gives an invalid SDM layout: " + v);
        });
        return new SunLayout(record.uri(), file, sdm);
    }

    /** The {enc} area: the plaintext (first half, DS §9.3.6) then '0' filler to 32 characters. */
    private static String encField(String plaintext) {
        String p = plaintext == null ? "" : plaintext;
        if (p.getBytes(StandardCharsets.UTF_8).length > 16 || !StandardCharsets.US_ASCII.newEncoder().canEncode(p)) {
            throw new IllegalArgumentException("ENC plaintext must be at most 16 ASCII characters");
        }
        return p + "0".repeat(32 - p.length());
    }

    private static SdmSettings settings(Map<String, Integer> at, SunTemplate t) {
        boolean picc = at.containsKey("picc");
        if (picc && (at.containsKey("uid") || at.containsKey("ctr"))) {
            throw new IllegalArgumentException("use either {picc} or the plain {uid}/{ctr} mirrors, not both");
        }
        boolean uid = picc || at.containsKey("uid");
        boolean ctr = picc || at.containsKey("ctr");
        boolean enc = at.containsKey("enc");
        int mac = at.get("mac");
        int macInput = enc ? at.get("enc") : mac;
        return new SdmSettings(uid, ctr, false, enc, t.metaReadNibble(picc), t.fileReadKey(), AccessRights.NEVER,
                at.getOrDefault("uid", -1), at.getOrDefault("ctr", -1), at.getOrDefault("picc", -1), macInput,
                at.getOrDefault("enc", -1), enc ? 32 : -1, mac, -1);
    }

    private static int utf8Length(CharSequence s) {
        return s.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Whether {@code file}, the NDEF file as read back from a chip, holds this layout's record: every
     * byte equal to {@link #ndefFile()} except inside the SDM mirrors, which the chip fills in at each
     * read (NT4H2421Gx §9.3). A chip personalized for another URL of the same length has the same SDM
     * settings, so only this comparison tells it from ours.
     */
    public boolean holdsThisRecord(byte[] file) {
        if (file.length < ndefFile.length) {
            return false;
        }
        boolean[] mirrored = new boolean[ndefFile.length];
        mask(mirrored, sdm.uidOffsetPresent(), sdm.uidOffset(), SdmSettings.UID_ASCII_LENGTH);
        mask(mirrored, sdm.readCtrOffsetPresent() && sdm.readCtrOffset() != SdmSettings.NOT_MIRRORED,
                sdm.readCtrOffset(), SdmSettings.READ_CTR_ASCII_LENGTH);
        mask(mirrored, sdm.piccDataPresent(), sdm.piccDataOffset(), SdmSettings.PICC_DATA_ASCII_LENGTH);
        mask(mirrored, sdm.encPresent(), sdm.encOffset(), sdm.encLength());
        mask(mirrored, sdm.macPresent(), sdm.macOffset(), SdmSettings.MAC_ASCII_LENGTH);
        for (int i = 0; i < ndefFile.length; i++) {
            if (!mirrored[i] && file[i] != ndefFile[i]) {
                return false;
            }
        }
        return true;
    }

    private static void mask(boolean[] mirrored, boolean present, int offset, int length) {
        if (present) {
            for (int i = Math.max(0, offset); i < Math.min(mirrored.length, offset + length); i++) {
                mirrored[i] = true;
            }
        }
    }
}
