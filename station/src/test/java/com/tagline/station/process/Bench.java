package com.tagline.station.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.simulator.cli.SimulatorCli;
import com.tagline.station.cli.StationCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The world of a process-level test, as a line engineer sets up a bench: a key file and a token file
 * (owner-only), the platform emulator and PN532 emulators (each a {@code simulator.jar} process with a
 * socat pty), and {@code station run} processes configured in YAML against them. Everything is closed in
 * reverse order.
 */
final class Bench implements AutoCloseable {
    static final String TOKEN = "sk_bench_7f3a9c";
    /** The simulators' test originality keys (configs/bench.example.yaml), trusted on this bench only. */
    static final String TRUST = """
            trust:
              ntag424: ["04569439A7F4BDF4309EE70D5363939C7AC586D91C164CE4B8F7628DF1023FA6B1E00CD70B7C69E8E2A108B4D6354277DC5D83156E0EC823B6"]
              ntag223: ["046CC319A452E2973E851112788FC5A03053F620F954094E98B860D20E982D0926082D44AB098BEBE9005E0B896F53C139"]
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path dir;
    final Path keys;
    final Path token;
    private final List<JavaProcess> processes = new ArrayList<>();

    Bench(Path dir) throws IOException {
        this.dir = dir;
        this.keys = owned(dir.resolve("keys.yaml"), """
                key_set_version: 1
                key0: 00112233445566778899AABBCCDDEEF0
                key1: 00112233445566778899AABBCCDDEEF1
                key2: 00112233445566778899AABBCCDDEEF2
                key3: 00112233445566778899AABBCCDDEEF3
                key4: 00112233445566778899AABBCCDDEEF4
                """);
        this.token = owned(dir.resolve("bench.token"), TOKEN + "\n");
    }

    static Path owned(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A simulator command; returns the process once it printed its first stdout line (its address). */
    JavaProcess simulator(String name, String... args) {
        JavaProcess p = track(JavaProcess.start(name, SimulatorCli.class, Map.of(), dir, args));
        p.awaitLine(0, l -> l.startsWith("out: "), Duration.ofSeconds(30));
        return p;
    }

    /** The first stdout line of a simulator: its base URL or pty path. */
    static String address(JavaProcess p) {
        return p.lines().stream().filter(l -> l.startsWith("out: ")).findFirst().orElseThrow().substring(5);
    }

    /**
     * {@code station run --config FILE} with its configuration written from {@code yaml}. Without a
     * {@code console:} section of its own, its operator console listens on a free loopback port: the
     * default 8088 would be taken by the first of several stations (or anything else on this host).
     */
    JavaProcess station(String name, String yaml) throws IOException {
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, yaml.contains("console:") ? yaml : yaml + "console: {listen: \"127.0.0.1:0\"}\n");
        JavaProcess p = track(JavaProcess.start(name, StationCli.class, Map.of(), dir, "run", "--config",
                config.toString()));
        p.awaitLine(0, l -> l.contains("running;") || l.contains("cannot start"), Duration.ofSeconds(60));
        return p;
    }

    private JavaProcess track(JavaProcess p) {
        processes.add(p);
        return p;
    }

    /** {@code GET /_emulator/state} of an emulator at {@code baseUrl}. */
    static JsonNode state(String baseUrl) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "/_emulator/state")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).close();
        }
    }
}
