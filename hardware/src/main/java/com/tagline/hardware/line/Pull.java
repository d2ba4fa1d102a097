package com.tagline.hardware.line;

/** Pull resistor of an input pin. An open circuit reads as the pulled level. */
public enum Pull {
    NONE,
    UP,
    DOWN
}
