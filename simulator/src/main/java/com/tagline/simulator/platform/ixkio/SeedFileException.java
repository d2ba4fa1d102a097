package com.tagline.simulator.platform.ixkio;

/** A tag-code seed file the emulator cannot use; the message names the line and what is wrong. */
public final class SeedFileException extends IllegalArgumentException {
    private final int line;

    public SeedFileException(int line, String problem) {
        super("tag-code seed line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line of the problem. */
    public int line() {
        return line;
    }
}
