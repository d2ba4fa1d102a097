/**
 * Byte links to a PN532 (architecture §2, lowest layer).
 *
 * <ul>
 *   <li>{@link com.tagline.hardware.serial.SerialLink}: write bytes, read with a time-out, close.</li>
 *   <li>{@link com.tagline.hardware.serial.JsscSerialLink}: ttys and ptys through jssc, read by
 *       a parking poller thread (jssc's timed read busy-spins, libraries.md §2.3).</li>
 *   <li>{@link com.tagline.hardware.serial.TcpSerialLink}: ser2net/socat raw TCP.</li>
 *   <li>{@link com.tagline.hardware.serial.PipeSerialLink}: an in-memory pair for the emulator and
 *       tests.</li>
 *   <li>{@link com.tagline.hardware.serial.ReconnectingSerialLink}: reopens a vanished link with
 *       backoff.</li>
 *   <li>{@link com.tagline.hardware.serial.SerialLinks} opens a link string
 *       ({@link com.tagline.hardware.serial.SerialLinkSpec} has the grammar); {@code sim:} links are
 *       resolved by a caller-supplied function.</li>
 * </ul>
 * jssc is imported by this package only (architecture §1); its exceptions become
 * {@link com.tagline.hardware.tag.TransportException} here.
 */
package com.tagline.hardware.serial;
