package com.tagline.station.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sd_notify through the real {@code systemd-notify} into an AF_UNIX datagram socket, received as the
 * service manager would (sd_notify(3): newline-separated assignments in one datagram). The receiver is
 * perl's recv(2) without a control buffer, so the kernel closes the file descriptor systemd-notify's
 * barrier passes (BARRIER=1, sd_notify_barrier(3)), as systemd does once it processed the message.
 */
class SystemdNotifierTest {
    static final String RECEIVER = "use Socket; socket(my $s, AF_UNIX, SOCK_DGRAM, 0) or die $!;"
            + " bind($s, pack_sockaddr_un($ARGV[0])) or die $!; chmod(0666, $ARGV[0]); $| = 1;"
            + " while (defined(recv($s, my $b, 65536, 0))) { print \"$b\\n\"; }";

    @TempDir
    Path dir;

    @Test
    void withoutNotifySocketNothingIsSent() {
        assertFalse(new SystemdNotifier(Map.of()).active());
        assertFalse(new SystemdNotifier(Map.of()).ready("up"));
    }

    @Test
    void readyAndStoppingReachTheNotificationSocket() throws Exception {
        assumeTrue(onPath("systemd-notify"), "systemd-notify (package systemd)");
        Path socket = dir.resolve("notify");
        Path received = dir.resolve("received");
        Process listener = new ProcessBuilder("perl", "-e", RECEIVER, socket.toString())
                .redirectOutput(received.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(socket) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // poll with a deadline
            }
            SystemdNotifier notifier = new SystemdNotifier(Map.of("NOTIFY_SOCKET", socket.toString()));
            assertTrue(notifier.ready("station line-1 running"));
            assertTrue(notifier.stopping("flushing"));
            List<String> lines = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                lines = Files.exists(received) ? Files.readAllLines(received, StandardCharsets.UTF_8) : List.of();
                if (lines.stream().anyMatch(l -> l.startsWith("STOPPING=1"))) {
                    break;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
            assertTrue(lines.contains("READY=1"), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("STATUS=station line-1 running")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("STOPPING=1")), lines.toString());
        } finally {
            listener.destroy();
            listener.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMissingToolIsReportedNotThrown() {
        SystemdNotifier n = new SystemdNotifier(Map.of("NOTIFY_SOCKET", dir.resolve("s").toString()),
                dir.resolve("no-such-systemd-notify").toString());
        assertTrue(n.active());
        assertEquals(false, n.ready("up"));
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
