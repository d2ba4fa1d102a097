package com.tagline.hardware.line;

/** Whether a signal is read or driven by the station. */
public enum Direction {
    INPUT,
    OUTPUT
}
