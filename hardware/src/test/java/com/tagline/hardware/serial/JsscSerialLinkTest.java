package com.tagline.hardware.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.TransportException;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jssc over a real pty pair (architecture §7: real ptys for the serial path). */
class JsscSerialLinkTest {
    @TempDir
    Path dir;
    private SocatPtyPair ptys;
    private JsscSerialLink a;
    private JsscSerialLink b;

    @BeforeEach
    void startSocat() throws Exception {
        Assumptions.assumeTrue(SocatPtyPair.available(),
                "socat is not on PATH: install it (apt-get install -y socat) to test jssc over a real pty");
        ptys = SocatPtyPair.start(dir);
        a = JsscSerialLink.open(ptys.first().toString(), 115_200);
        b = JsscSerialLink.open(ptys.second().toString(), 115_200);
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (ptys != null) {
            ptys.close();
        }
    }

    private static byte[] readExactly(SerialLink link, int n, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[n];
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.size() < n) {
            long left = deadline - System.nanoTime();
            int got = left <= 0 ? 0 : link.read(buf, 0, n - out.size(), Duration.ofNanos(left));
            if (got == 0) {
                break;
            }
            out.write(buf, 0, got);
        }
        return out.toByteArray();
    }

    @Test
    void bytesWrittenOnOneEndArriveOnTheOther() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        a.write(all);
        assertArrayEquals(all, readExactly(b, all.length, Duration.ofSeconds(5)));

        byte[] frame = {0x00, 0x00, (byte) 0xFF, 0x02, (byte) 0xFE, (byte) 0xD4, 0x02, 0x2A, 0x00};
        b.write(frame);
        assertArrayEquals(frame, readExactly(a, frame.length, Duration.ofSeconds(5)));
    }

    @Test
    void idleReadTimesOutWithoutSpinning() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = readerCpuNanos(threads);
        long start = System.nanoTime();
        assertEquals(0, b.read(new byte[16], 0, 16, Duration.ofMillis(300)));
        long waited = System.nanoTime() - start;
        long cpu = readerCpuNanos(threads) - before;
        assertTrue(waited >= Duration.ofMillis(290).toNanos(), "returned early: " + waited);
        // Two reader threads parked 1 ms between polls: far below the 300 ms a spinning read would burn.
        assertTrue(cpu < Duration.ofMillis(150).toNanos(), "reader threads used " + cpu / 1_000_000 + " ms CPU");
    }

    private static long readerCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("jssc-reader")) {
                total += Math.max(0, threads.getThreadCpuTime(t.getId()));
            }
        }
        return total;
    }

    @Test
    void baudRateCanBeChanged() {
        a.baudRate(460_800);
        a.write(new byte[] {0x55});
        assertArrayEquals(new byte[] {0x55}, readExactly(b, 1, Duration.ofSeconds(5)));
    }

    @Test
    void vanishedPtyFailsTheLink() {
        ptys.close();
        assertThrows(TransportException.class, () -> {
            for (int i = 0; i < 4; i++) {
                b.read(new byte[16], 0, 16, Duration.ofSeconds(5));
            }
        });
        assertThrows(TransportException.class, () -> b.write(new byte[] {1}));
    }

    @Test
    void closedLinkRefusesIo() {
        a.close();
        assertThrows(TransportException.class, () -> a.write(new byte[] {1}));
        assertThrows(TransportException.class, () -> a.read(new byte[1], 0, 1, Duration.ofMillis(10)));
    }

    @Test
    void missingDeviceIsATransportException() {
        assertThrows(TransportException.class,
                () -> JsscSerialLink.open(dir.resolve("no-such-tty").toString(), 115_200));
    }

    @Test
    void linkStringOpensAPty() {
        a.close();
        try (SerialLink viaSpec = SerialLinks.open(ptys.first() + "?baud=115200")) {
            viaSpec.write(new byte[] {0x42});
            assertArrayEquals(new byte[] {0x42}, readExactly(b, 1, Duration.ofSeconds(5)));
        }
    }
}
