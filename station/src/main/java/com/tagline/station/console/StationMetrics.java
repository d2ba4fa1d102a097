package com.tagline.station.console;

import com.tagline.station.line.LineState;
import com.tagline.station.sync.Alarm;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * {@code /metrics}: the Prometheus registry with the station's gauges, which read the same
 * {@link StationView} snapshot as the page, the counters of {@link ChipTally}, and the JVM and process
 * metrics. Names (issue 14): {@code tagline_chips_total}, {@code tagline_encode_seconds},
 * {@code tagline_outbox_pending}, {@code tagline_outbox_oldest_pending_seconds}, {@code tagline_quarantined},
 * {@code tagline_line_state}, {@code tagline_reader_connected}, {@code tagline_alarm_active},
 * {@code tagline_disk_free_bytes}, {@code tagline_sync_requests_total}, {@code tagline_sync_reports_total}.
 */
final class StationMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final StationView view;

    StationMetrics(StationView view) {
        this.view = view;
        // promtool's lint (issue 14: /metrics passes `promtool check metrics`) refuses two of Micrometer's
        // processor meters by name: process_cpu_time_ns_total ("abbreviated units"; process_cpu_usage stays)
        // and system_cpu_count ("_count" suffix on a gauge), which is kept as system_cpus.
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("process.cpu.time"))
                .meterFilter(new MeterFilter() {
                    @Override
                    public Meter.Id map(Meter.Id id) {
                        return id.getName().equals("system.cpu.count") ? id.withName("system.cpus") : id;
                    }
                });
        gauge("tagline.outbox.pending", "Outcome reports waiting for the platform (pending and in doubt)", null,
                s -> s.backlog().unsent());
        gauge("tagline.outbox.oldest.pending", "Age of the oldest report waiting for the platform", "seconds",
                s -> s.backlog().oldestQueuedAt().map(t -> Duration.between(t, s.now()).toMillis() / 1000.0).orElse(0.0));
        gauge("tagline.quarantined", "Outcome reports kept for an operator", null, s -> s.backlog().quarantined());
        for (LineState state : LineState.values()) {
            Gauge.builder("tagline.line.state", view, v -> v.snapshot().line().state() == state ? 1 : 0)
                    .description("The line's state: 1 for the current one").tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        gauge("tagline.reader.connected", "Whether the NFC reader answers", null, s -> s.health().readerConnected() ? 1 : 0);
        for (Alarm alarm : Alarm.values()) {
            Gauge.builder("tagline.alarm.active", view, v -> v.snapshot().alarms().stream()
                            .anyMatch(a -> a.alarm() == alarm) ? 1 : 0)
                    .description("Whether the alarm is raised").tag("code", alarm.name()).register(registry);
        }
        gauge("tagline.disk.free", "Usable space on the data directory's file system", "bytes",
                s -> s.health().diskFreeBytes() < 0 ? Double.NaN : s.health().diskFreeBytes());
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    private void gauge(String name, String description, String unit, ToDoubleFunction<StationSnapshot> value) {
        Gauge.Builder<StationView> b = Gauge.builder(name, view, v -> value.applyAsDouble(v.snapshot()))
                .description(description);
        if (unit != null) {
            b.baseUnit(unit);
        }
        b.register(registry);
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4). */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
