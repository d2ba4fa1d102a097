package com.tagline.hardware.ntag424.sdm;

import com.tagline.hardware.ntag424.AccessRights;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and how the SUN authentication message goes into a tag URL. The parameter template is a
 * query fragment with placeholders, e.g. {@code picc_data={picc}&cmac={mac}} (the default),
 * {@code picc_data={picc}&enc={enc}&cmac={mac}} or {@code uid={uid}&ctr={ctr}&cmac={mac}}. A URL
 * that already contains placeholders is used as it is.
 *
 * <p>Placeholders (DS §9.3 mirror lengths): {@code {picc}} encrypted PICCData (32 chars),
 * {@code {uid}} plain UID (14), {@code {ctr}} plain SDMReadCtr (6), {@code {enc}} SDMENCFileData
 * (32 chars for 16 bytes of file data), {@code {mac}} SDMMAC (16, mandatory).
 *
 * @param parameters the query template
 * @param metaReadKey key number for PICCData (SDMMetaRead); unused with plain mirrors
 * @param fileReadKey key number for the SDM MAC and ENC data (SDMFileRead)
 */
public record SunTemplate(String parameters, int metaReadKey, int fileReadKey) {
    public static final String DEFAULT_PARAMETERS = "picc_data={picc}&cmac={mac}";
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(picc|uid|ctr|enc|mac)}");

    public SunTemplate {
        if (metaReadKey < 0 || metaReadKey > 4 || fileReadKey < 0 || fileReadKey > 4) {
            throw new IllegalArgumentException("SDM key numbers must be 0..4");
        }
        if (!parameters.contains("{mac}")) {
            throw new IllegalArgumentException("SUN parameter template must contain {mac}");
        }
        Matcher m = Pattern.compile("\\{[^}]*}").matcher(parameters);
        while (m.find()) {
            if (!PLACEHOLDER.matcher(m.group()).matches()) {
                throw new IllegalArgumentException("unknown SUN placeholder " + m.group()
                        + " (known: {picc} {uid} {ctr} {enc} {mac})");
            }
        }
    }

    /** Encrypted PICCData with key 1, MAC with key 2 (as the boltcard layout; ntag424.md §7). */
    public static SunTemplate defaults() {
        return new SunTemplate(DEFAULT_PARAMETERS, 1, 2);
    }

    /** The full URL with placeholders: the URL itself when it has any, else URL + '?' or '&' + template. */
    public String applyTo(String url) {
        if (PLACEHOLDER.matcher(url).find()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + parameters;
    }

    /** The SDM access-right nibble for MetaRead: a key for PICCData, E for plain mirrors. */
    int metaReadNibble(boolean encryptedPicc) {
        return encryptedPicc ? metaReadKey : AccessRights.FREE;
    }
}
