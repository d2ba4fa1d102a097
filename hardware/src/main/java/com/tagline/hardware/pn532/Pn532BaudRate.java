package com.tagline.hardware.pn532;

/**
 * The HSU speeds SetSerialBaudRate accepts, by their BR index (UM0701-02 §7.2 SetSerialBaudRate;
 * pn532.md §3).
 */
public final class Pn532BaudRate {
    private static final int[] RATES = {9_600, 19_200, 38_400, 57_600, 115_200, 230_400, 460_800, 921_600, 1_288_000};

    /** The HSU speed after power-on and after the PN532 left Low VBat (pn532.md §2). */
    public static final int POWER_ON = 115_200;

    private Pn532BaudRate() {
    }

    /** Whether the PN532's HSU offers {@code baud}. */
    public static boolean supported(int baud) {
        return java.util.Arrays.stream(RATES).anyMatch(r -> r == baud);
    }

    /** The speeds the PN532's HSU offers, for messages. */
    public static String speeds() {
        return java.util.Arrays.toString(RATES);
    }

    /** The BR byte for {@code baud}; throws for a speed the PN532 does not offer. */
    static int index(int baud) {
        for (int i = 0; i < RATES.length; i++) {
            if (RATES[i] == baud) {
                return i;
            }
        }
        throw new IllegalArgumentException("the PN532 HSU does not support " + baud + " baud");
    }
}
