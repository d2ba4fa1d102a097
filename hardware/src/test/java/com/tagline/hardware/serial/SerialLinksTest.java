package com.tagline.hardware.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SerialLinksTest {
    @Test
    void deviceLinks() {
        assertEquals(new SerialLinkSpec.Device("/dev/ttyAMA0", 115_200), SerialLinkSpec.parse("/dev/ttyAMA0"));
        assertEquals(new SerialLinkSpec.Device("/dev/ttyUSB0", 115_200),
                SerialLinkSpec.parse("/dev/ttyUSB0?baud=115200"));
        assertEquals(new SerialLinkSpec.Device("/tmp/pty/nfc0", 460_800),
                SerialLinkSpec.parse(" /tmp/pty/nfc0?baud=460800 "));
    }

    @Test
    void tcpLinks() {
        assertEquals(new SerialLinkSpec.Tcp("10.0.0.7", 3333), SerialLinkSpec.parse("tcp://10.0.0.7:3333"));
        assertEquals(new SerialLinkSpec.Tcp("reader.local", 2000), SerialLinkSpec.parse("tcp://reader.local:2000"));
        assertEquals(new SerialLinkSpec.Tcp("::1", 4000), SerialLinkSpec.parse("tcp://[::1]:4000"));
    }

    @Test
    void simLinks() {
        assertEquals(new SerialLinkSpec.Simulated(""), SerialLinkSpec.parse("sim:"));
        assertEquals(new SerialLinkSpec.Simulated("lane2"), SerialLinkSpec.parse("sim:lane2"));
    }

    @Test
    void malformedLinksAreRejectedWithAReason() {
        for (String bad : List.of("", "tcp://host", "tcp://host:99999", "tcp://host:1/x", "tcp://host:1?a=b",
                "/dev/ttyS0?speed=9600", "/dev/ttyS0?baud=fast", "/dev/ttyS0?baud", "?baud=9600")) {
            assertThrows(IllegalArgumentException.class, () -> SerialLinkSpec.parse(bad), bad);
        }
    }

    @Test
    void simResolvesThroughTheCallersFunction() {
        PipeSerialLink[] pair = PipeSerialLink.pair();
        List<String> asked = new ArrayList<>();
        SerialLink link = SerialLinks.open("sim:lane2", name -> {
            asked.add(name);
            return pair[0];
        });
        assertSame(pair[0], link);
        assertEquals(List.of("lane2"), asked);
    }

    @Test
    void simWithoutAResolverIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SerialLinks.open("sim:"));
        assertTrue(e.getMessage().contains("needs an emulator"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SerialLinks.open("sim:x", name -> null));
    }

    @Test
    void openerParsesEagerlyAndOpensLazily() {
        assertThrows(IllegalArgumentException.class, () -> SerialLinks.opener("tcp://nowhere", SerialLinks.NO_SIMULATOR));
        int[] opened = {0};
        Supplier<SerialLink> opener = SerialLinks.opener("sim:", name -> {
            opened[0]++;
            return PipeSerialLink.pair()[0];
        });
        assertEquals(0, opened[0]);
        opener.get();
        opener.get();
        assertEquals(2, opened[0]);
    }
}
