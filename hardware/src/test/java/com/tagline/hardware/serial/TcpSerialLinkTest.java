package com.tagline.hardware.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.TransportException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real TCP server on loopback plays ser2net (architecture §7: real servers in tests). */
class TcpSerialLinkTest {
    private ServerSocket server;

    @BeforeEach
    void listen() throws Exception {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String spec() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    @Test
    void bytesFlowBothWays() throws Exception {
        try (SerialLink link = SerialLinks.open(spec()); Socket peer = server.accept()) {
            link.write(new byte[] {0x55, 0x55, 0x00});
            InputStream in = peer.getInputStream();
            assertArrayEquals(new byte[] {0x55, 0x55, 0x00}, in.readNBytes(3));
            OutputStream out = peer.getOutputStream();
            out.write(new byte[] {0x00, 0x00, (byte) 0xFF});
            out.flush();
            byte[] buf = new byte[8];
            int total = 0;
            while (total < 3) {
                total += link.read(buf, total, buf.length - total, Duration.ofSeconds(5));
            }
            assertArrayEquals(new byte[] {0x00, 0x00, (byte) 0xFF}, Arrays.copyOf(buf, 3));
            link.baudRate(921_600);
        }
    }

    @Test
    void readTimesOutWithZero() throws Exception {
        try (SerialLink link = SerialLinks.open(spec()); Socket peer = server.accept()) {
            assertTrue(peer.isConnected());
            assertEquals(0, link.read(new byte[4], 0, 4, Duration.ofMillis(50)));
            assertEquals(0, link.read(new byte[4], 0, 4, Duration.ZERO));
        }
    }

    @Test
    void serverCloseIsATransportException() throws Exception {
        try (SerialLink link = SerialLinks.open(spec())) {
            server.accept().close();
            assertThrows(TransportException.class, () -> link.read(new byte[4], 0, 4, Duration.ofSeconds(5)));
        }
    }

    @Test
    void refusedConnectionIsATransportException() throws Exception {
        int port = server.getLocalPort();
        server.close();
        assertThrows(TransportException.class, () -> TcpSerialLink.connect("127.0.0.1", port, Duration.ofSeconds(2)));
    }

    @Test
    void closeFailsABlockedRead() throws Exception {
        SerialLink link = SerialLinks.open(spec());
        try (Socket peer = server.accept()) {
            assertTrue(peer.isConnected());
            link.close();
            link.close();
            assertThrows(TransportException.class, () -> link.read(new byte[4], 0, 4, Duration.ofMillis(100)));
            assertThrows(TransportException.class, () -> link.write(new byte[] {1}));
        }
    }
}
