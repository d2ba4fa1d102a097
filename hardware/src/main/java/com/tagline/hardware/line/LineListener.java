package com.tagline.hardware.line;

/** Receives logical input changes (after polarity, before any debounce of the caller). */
@FunctionalInterface
public interface LineListener {
    void changed(String signal, boolean active);
}
