package com.tagline.hardware.ntag223.sun;

import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Memory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SUN parts of an NTAG 223 DNA's memory (ntag223.md §6, §7): the SUNCMAC_KEY pages, the mirror
 * configuration and the mirrored message, on top of {@link Ntag223Memory}'s page reads and writes. It
 * lives here, not in {@link Ntag223Memory}, so that the chip package does not depend on its SUN package.
 *
 * <p>Failures are those of the chip's commands. Threading: single-threaded, like the chip it wraps.
 */
public final class SunMirror {
    private static final Logger log = LoggerFactory.getLogger(SunMirror.class);

    private final Ntag223Memory memory;

    public SunMirror(Ntag223Memory memory) {
        this.memory = memory;
    }

    /** FAST_READ of the pages holding the message of {@code layout}, parsed. */
    public SunMessage readMessage(MirrorLayout layout) {
        byte[] pages = memory.chip().fastRead(layout.firstMessagePage(), layout.lastMessagePage());
        return SunMessage.parse(layout.extractMessage(pages, layout.firstMessagePage()));
    }

    /** Writes SUNCMAC_KEY to its four pages, byte-reversed, first page first (§6.3, §7 step 4). */
    public void writeKey(byte[] key) {
        memory.writePages(memory.chip().profile().pages().sunKey(), SunCmac.keyToPages(key));
        log.debug("SUNCMAC_KEY written");
    }

    /**
     * Turns the SUN mirror on for {@code layout}, and sets the counter and tamper visibility
     * (§7 step 5): CFG0 then CFG1, keeping every other bit as read.
     *
     * @return the configuration now on the chip
     */
    public Ntag223Config enable(MirrorLayout layout, boolean counter, boolean tamperVisible) {
        Ntag223Config current = memory.readConfiguration();
        Ntag223Config updated = layout.configure(current).withCounter(counter).withTamperVisible(tamperVisible);
        memory.writeCfg0(updated);
        memory.writeCfg1(updated);
        return updated;
    }
}
