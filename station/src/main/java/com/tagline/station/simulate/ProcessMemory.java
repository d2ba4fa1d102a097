package com.tagline.station.simulate;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * This JVM's memory, for benchmarks: heap in use after a full GC, the peak heap since the last
 * {@link #resetPeaks} (the sum of every heap pool's peak, so an upper bound of the simultaneous
 * peak), GC counts, and the process's resident set from {@code /proc/self/status} where there is one.
 */
public final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Heap bytes in use right after {@code System.gc()} (the live set, as near as the JVM tells it). */
    public static long liveHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Sum of the heap pools' peak usage since the JVM started or the last {@link #resetPeaks}. */
    public static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    public static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    public static long committedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    public static long maxHeap() {
        return Runtime.getRuntime().maxMemory();
    }

    public static long nonHeapUsed() {
        return ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
    }

    /** Collections so far, over every collector. */
    public static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
    }

    /** Milliseconds spent collecting so far (approximate; what the collectors report). */
    public static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(c -> c > 0).sum();
    }

    /** CPU time of the whole process (every thread), nanoseconds, when the JVM reports it. */
    public static OptionalLong processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long t = os.getProcessCpuTime();
            return t < 0 ? OptionalLong.empty() : OptionalLong.of(t);
        }
        return OptionalLong.empty();
    }

    /** Peak resident set size ({@code VmHWM}), bytes; empty without {@code /proc/self/status}. */
    public static OptionalLong peakRss() {
        return statusKb("VmHWM:");
    }

    /** Resident set size now ({@code VmRSS}), bytes; empty without {@code /proc/self/status}. */
    public static OptionalLong rss() {
        return statusKb("VmRSS:");
    }

    /** The JVM's input arguments (-Xmx and friends), as given. */
    public static List<String> jvmArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    private static OptionalLong statusKb(String field) {
        if (!Files.isReadable(STATUS)) {
            return OptionalLong.empty();
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    long kb = Long.parseLong(parts[0]);
                    return OptionalLong.of(kb * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }
}
