package com.tagline.station.personalize;

/**
 * The recipe's steps in order. Steps marked irreversible change the chip in a way that cannot be
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
    VERIFY(false);

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
