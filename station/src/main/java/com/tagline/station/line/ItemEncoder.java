package com.tagline.station.line;

/**
 * The encoder as the line sees it. Nothing here knows about a conveyor, so an encoder also runs
 * hand-fed on a bench: whoever presents the chip calls {@link #encode} and listens for the result.
 */
public interface ItemEncoder {
    /**
     * A chip is at the antenna and still. Report through {@code result} exactly once, from any
     * thread (the line hands it to its own thread), unless {@link #abort} came first.
     */
    void encode(long itemId, EncodeResult result);

    /**
     * Stop work on {@code itemId} now (e-stop). The attempt must be recorded as interrupted, never
     * as configured; a result reported after this is ignored by the line.
     */
    void abort(long itemId);

    /**
     * The reject gate pushed {@code itemId} off the line: its chip will not ship, and a tag it held may go
     * to another chip (architecture §5). Called on the line's thread; must not block.
     */
    default void rejected(long itemId) {
    }

    /** Where the encoder reports. */
    @FunctionalInterface
    interface EncodeResult {
        void finished(long itemId, boolean passed);
    }
}
