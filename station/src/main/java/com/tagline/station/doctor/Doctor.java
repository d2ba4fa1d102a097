package com.tagline.station.doctor;

import com.tagline.hardware.line.GpiodPreflight;
import com.tagline.station.config.StationConfig;
import com.tagline.station.run.DataDirectoryLock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code station doctor}: what a line engineer would otherwise find out by trial, one finding per check
 * (issue 15). The secrets are read first; then the reader, the GPIO chip, the platform with the clock,
 * and the disk with the store run side by side on daemon threads under one deadline, so that the doctor
 * ends in time even with everything unplugged: a check without a finding by then is a FAIL naming the
 * deadline (a hung device), and its thread is left to the JVM's exit.
 */
public final class Doctor {
    private final StationConfig config;
    private final Map<String, String> env;
    private final Optional<ServiceAccount> account;
    private final Duration deadline;
    private final GpiodPreflight gpio;
    private final ClockCheck clock;

    /**
     * @param account  the service user the checks judge access for (empty: not on this host)
     * @param deadline how long the parallel checks may take together
     */
    public Doctor(StationConfig config, Map<String, String> env, Optional<ServiceAccount> account, Duration deadline) {
        this(config, env, account, deadline, GpiodPreflight.host(), ClockCheck.host());
    }

    Doctor(StationConfig config, Map<String, String> env, Optional<ServiceAccount> account, Duration deadline,
           GpiodPreflight gpio, ClockCheck clock) {
        this.config = config;
        this.env = Map.copyOf(env);
        this.account = account;
        this.deadline = deadline;
        this.gpio = gpio;
        this.clock = clock;
    }

    /** Every finding, in report order. */
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>(new SecretChecks(config, env).run());
        CheckGroup reader = DataDirectoryLock.holder(config.dataDir()).<CheckGroup>map(ReaderInUse::new)
                .orElseGet(() -> new ReaderChecks(config.reader().link(), account));
        List<CheckGroup> groups = List.of(reader,
                new GpioCheck(config.line(), account, gpio),
                new PlatformChecks(config.platform(), env, clock),
                new StoreChecks(config.dataDir(), config.storage().minFreeBytes(), account));
        Map<String, Finding> found = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(groups.size());
        for (CheckGroup g : groups) {
            Thread t = new Thread(() -> {
                try {
                    g.run(f -> found.putIfAbsent(f.check(), f));
                } catch (RuntimeException e) {
                    g.names().forEach(n -> found.putIfAbsent(n, Finding.fail(n, "check failed: " + e)));
                } finally {
                    done.countDown();
                }
            }, "doctor-" + g.names().get(0));
            t.setDaemon(true);
            t.start();
        }
        try {
            done.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Finding> ordered = new LinkedHashMap<>();
        for (CheckGroup g : groups) {
            for (String name : g.names()) {
                ordered.put(name, found.getOrDefault(name, Finding.fail(name, "no result within "
                        + deadline.toSeconds() + " s: the check hung (a device or the network not answering)")));
            }
        }
        findings.addAll(ordered.values());
        return findings;
    }
}
