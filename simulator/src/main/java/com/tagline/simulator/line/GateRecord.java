package com.tagline.simulator.line;

/**
 * What happened to one item at the end of the line.
 *
 * @param itemId item number, 1 for the first item fed
 * @param defective whether the item carried a defective chip
 * @param rejected {@code true} if the gate pushed it off, {@code false} if it reached the outfeed
 */
public record GateRecord(long itemId, boolean defective, boolean rejected) {
}
