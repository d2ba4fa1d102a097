/**
 * The PN532 over HSU (architecture §2): frames ({@link com.tagline.hardware.pn532.Pn532Frame},
 * {@link com.tagline.hardware.pn532.Pn532FrameCodec}, {@link com.tagline.hardware.pn532.Pn532FrameDecoder};
 * UM0701-02 §6.2.1), the command driver {@link com.tagline.hardware.pn532.Pn532} (UM0701-02 §7) and
 * {@link com.tagline.hardware.pn532.Pn532TagLink}, the {@link com.tagline.hardware.tag.TagLink} of one
 * listed target.
 *
 * <p>Errors: {@link com.tagline.hardware.tag.TransportException} (link failed, no ACK, no response,
 * persistent corruption), {@link com.tagline.hardware.pn532.Pn532FrameException} (error frame,
 * malformed answer), {@link com.tagline.hardware.pn532.Pn532StatusException} and
 * {@link com.tagline.hardware.pn532.Pn532TagLostException} (status bytes, pn532.md §3.2).
 */
package com.tagline.hardware.pn532;
