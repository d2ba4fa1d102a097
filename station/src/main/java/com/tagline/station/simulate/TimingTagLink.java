package com.tagline.station.simulate;

import com.tagline.hardware.tag.ForwardingTagLink;
import com.tagline.hardware.tag.TagLink;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * Decorator that counts exchanges and bytes and measures the thread CPU time spent inside the wrapped
 * link, so a benchmark can separate host CPU from the simulated chip's (architecture §2: cross-cutting
 * concerns are decorators). CPU time rather than wall time: on a loaded machine wall time inside the
 * chip includes time the thread waited for a core, and subtracting it would flatter the host. The two
 * clock reads per exchange (a system call each) are shared between both sides. Single-threaded like the
 * link it wraps.
 */
public final class TimingTagLink extends ForwardingTagLink {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private long exchanges;
    private long bytesOut;
    private long bytesIn;
    private long nanosInside;

    public TimingTagLink(TagLink delegate) {
        super(delegate);
    }

    @Override
    public byte[] transceive(byte[] apdu) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        try {
            byte[] r = delegate().transceive(apdu);
            bytesIn += r.length;
            return r;
        } finally {
            nanosInside += THREADS.getCurrentThreadCpuTime() - t0;
            exchanges++;
            bytesOut += apdu.length;
        }
    }

    @Override
    public byte[] transceiveRaw(byte[] frame, Duration timeout) {
        long t0 = THREADS.getCurrentThreadCpuTime();
        try {
            byte[] r = delegate().transceiveRaw(frame, timeout);
            bytesIn += r.length;
            return r;
        } finally {
            nanosInside += THREADS.getCurrentThreadCpuTime() - t0;
            exchanges++;
            bytesOut += frame.length;
        }
    }

    public long exchanges() {
        return exchanges;
    }

    public long bytesOut() {
        return bytesOut;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long nanosInside() {
        return nanosInside;
    }
}
