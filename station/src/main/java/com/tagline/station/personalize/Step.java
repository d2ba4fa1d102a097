package com.tagline.station.personalize;

/**
 * The recipes' steps (NTAG 424 DNA first, then the NTAG 223 DNA ones), each recipe in its order. Steps marked irreversible change the chip in a way that cannot be
 * undone without the new keys: the caller commits its intent before each (architecture §5).
 */
public enum Step {
    WRITE_NDEF(false),
    CHANGE_FILE_SETTINGS(true),
    CHANGE_KEY_1(true),
    CHANGE_KEY_2(true),
    CHANGE_KEY_3(true),
    CHANGE_KEY_4(true),
    CHANGE_KEY_0(true),
    VERIFY(false),
    /** NTAG 223 DNA: SUNCMAC_KEY pages 34h–37h (ntag223.md §7 step 4). */
    WRITE_SUN_KEY(true),
    /**
     * NTAG 223 DNA: CFG0 MIRROR_EN/MIRROR_PAGE/MIRROR_BYTE and CFG1 in its final form, NFC_CNT_EN set, PROT and
     * AUTHLIM as protection will use them (inert until AUTH0) (§7 step 5).
     */
    ENABLE_MIRROR(true),
    /** NTAG 223 DNA: LOCK_SUNCMAC_KEY in page 2Dh (§7 step 7), permanent [inferred]. */
    LOCK_SUN_KEY(true),
    /** NTAG 223 DNA: the diversified PWD and PACK (§7 step 8). */
    SET_PASSWORD(true),
    /** NTAG 223 DNA: AUTH0 in CFG0 (CFG1 first if it still differs), putting configuration and key pages behind PWD (§7 step 8). */
    PROTECT_CONFIGURATION(true);

    private final boolean irreversible;

    Step(boolean irreversible) {
        this.irreversible = irreversible;
    }

    public boolean irreversible() {
        return irreversible;
    }

    static Step changeKey(int keyNo) {
        return switch (keyNo) {
            case 0 -> CHANGE_KEY_0;
            case 1 -> CHANGE_KEY_1;
            case 2 -> CHANGE_KEY_2;
            case 3 -> CHANGE_KEY_3;
            case 4 -> CHANGE_KEY_4;
            default -> throw new IllegalArgumentException("no key " + keyNo);
        };
    }
}
