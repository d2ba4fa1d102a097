package com.tagline.hardware.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.TransportException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PipeSerialLinkTest {
    @Test
    void bytesFlowBothWaysInOrder() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        pair[0].write(new byte[] {1, 2, 3});
        pair[0].write(new byte[] {4});
        pair[1].write(new byte[] {9});
        byte[] buf = new byte[10];
        assertEquals(2, pair[1].read(buf, 0, 2, Duration.ZERO));
        assertEquals(2, pair[1].read(buf, 2, 8, Duration.ZERO));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOf(buf, 4));
        assertEquals(1, pair[0].read(buf, 0, 10, Duration.ZERO));
        assertEquals(9, buf[0]);
    }

    @Test
    void readTimesOutWithZero() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        assertEquals(0, pair[0].read(new byte[4], 0, 4, Duration.ZERO));
        assertEquals(0, pair[0].read(new byte[4], 0, 4, Duration.ofMillis(20)));
        assertTrue(!pair[0].hasPendingInput());
    }

    @Test
    void blockedReaderWakesOnWrite() throws Exception {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(
                () -> pair[1].read(new byte[8], 0, 8, Duration.ofSeconds(30)));
        pair[0].write(new byte[] {7, 7});
        assertEquals(2, read.get(10, TimeUnit.SECONDS));
    }

    @Test
    void closeWakesABlockedReader() throws Exception {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        CompletableFuture<Integer> read = CompletableFuture.supplyAsync(
                () -> pair[1].read(new byte[8], 0, 8, Duration.ofSeconds(30)));
        pair[0].close();
        Throwable failure = assertThrows(Exception.class, () -> read.get(10, TimeUnit.SECONDS)).getCause();
        assertTrue(failure instanceof TransportException, String.valueOf(failure));
    }

    @Test
    void peerCloseDrainsThenFails() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        pair[0].write(new byte[] {5});
        pair[0].close();
        byte[] buf = new byte[4];
        assertEquals(1, pair[1].read(buf, 0, 4, Duration.ZERO));
        assertThrows(TransportException.class, () -> pair[1].read(buf, 0, 4, Duration.ZERO));
        assertThrows(TransportException.class, () -> pair[1].write(new byte[] {1}));
        assertThrows(TransportException.class, () -> pair[0].write(new byte[] {1}));
        assertTrue(pair[1].isClosed());
    }

    @Test
    void largeWritesGrowTheBuffer() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        byte[] big = new byte[100_000];
        Arrays.fill(big, (byte) 0x3C);
        pair[0].write(big);
        pair[0].write(big);
        byte[] got = new byte[300_000];
        int total = 0;
        for (int n; (n = pair[1].read(got, total, got.length - total, Duration.ZERO)) > 0; ) {
            total += n;
        }
        assertEquals(200_000, total);
    }

    @Test
    void baudRateIsRecordedPerEnd() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        assertEquals(115_200, pair[0].baud());
        pair[0].baudRate(921_600);
        assertEquals(921_600, pair[0].baud());
        assertEquals(115_200, pair[1].baud());
    }
}
