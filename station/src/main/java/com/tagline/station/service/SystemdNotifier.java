package com.tagline.station.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd about the service's state (sd_notify(3): {@code READY=1}, {@code STOPPING=1},
 * {@code STATUS=...}) when it runs as a {@code Type=notify} unit, i.e. when {@code $NOTIFY_SOCKET} is set;
 * a no-op otherwise.
 *
 * <p>Why {@code systemd-notify} and not a socket of our own: the notification socket is an AF_UNIX
 * datagram socket, and Java 17 has Unix-domain stream channels only (JEP 380); the Java libraries that
 * speak sd_notify do it through JNA, one more native library to unpack (the very problem the package
 * avoids for jssc, sqlite-jdbc and pi4j). {@code systemd-notify} ships with systemd itself. Sent from a
 * child process, the message is accepted with {@code NotifyAccess=all} (the unit sets it), and since
 * systemd 246 {@code systemd-notify} waits until the manager has processed it (a barrier), so the
 * child exiting early cannot lose it (the race of systemd issue #2739).
 */
public final class SystemdNotifier {
    private static final Logger log = LoggerFactory.getLogger(SystemdNotifier.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final Map<String, String> env;
    private final String command;

    /** Uses {@code systemd-notify} from the PATH. */
    public SystemdNotifier(Map<String, String> env) {
        this(env, "systemd-notify");
    }

    SystemdNotifier(Map<String, String> env, String command) {
        this.env = Map.copyOf(env);
        this.command = command;
    }

    /** Whether the process runs under a service manager that listens ({@code $NOTIFY_SOCKET} set). */
    public boolean active() {
        String socket = env.get("NOTIFY_SOCKET");
        return socket != null && !socket.isEmpty();
    }

    /** {@code READY=1} with a status line: the store, the reader and the platform thread are up. */
    public boolean ready(String status) {
        return send("READY=1", "STATUS=" + status);
    }

    /** {@code STOPPING=1}: the clean shutdown began. */
    public boolean stopping(String status) {
        return send("STOPPING=1", "STATUS=" + status);
    }

    /**
     * Sends the assignments; failures are logged, never thrown (a lost notification makes systemd time the
     * start out, which it reports itself).
     *
     * @return whether {@code systemd-notify} ran and exited 0 (false also when not {@link #active()})
     */
    boolean send(String... assignments) {
        if (!active()) {
            return false;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(command);
        cmd.addAll(List.of(assignments));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("NOTIFY_SOCKET", env.get("NOTIFY_SOCKET"));
        try {
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                log.warn("event=sd_notify_failed what={} why=\"no exit within {} s\"", assignments[0], TIMEOUT_SECONDS);
                return false;
            }
            if (p.exitValue() != 0) {
                log.warn("event=sd_notify_failed what={} exit={}", assignments[0], p.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            log.warn("event=sd_notify_failed what={} why=\"{}\"", assignments[0], e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
