package com.tagline.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, several stations on one platform: three {@code station run} processes (hand-fed benches, each
 * with its own PN532 emulator process) draw tags from one {@code simulator.jar platform} whose leases live
 * 4 s. One station is killed with SIGKILL while it holds leased tags it has not used; once its leases expire
 * the other two lease and encode them. At the end the platform holds every tag configured exactly once, the
 * stations' own SQLite files add up to it, and no tag was configured by two stations.
 */
class SeveralStationsKillTest {
    private static final int TAGS = 12;
    private static final Duration CHIP = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private int uid;

    @Test
    void aKilledStationsLeasesComeBackToTheOthersAndNoTagIsEncodedTwice() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat makes the readers' ptys (.ci/run installs it)");
        try (Bench bench = new Bench(dir)) {
            JavaProcess platform = bench.simulator("platform", "platform", "--port", "0", "--api-key", Bench.TOKEN,
                    "--seed-tags", String.valueOf(TAGS), "--protocol", "ntag_424_dna", "--keys", bench.keys.toString(),
                    "--lease-seconds", "4");
            String base = Bench.address(platform);
            List<JavaProcess> readers = new ArrayList<>();
            List<JavaProcess> stations = new ArrayList<>();
            for (int k = 1; k <= 3; k++) {
                JavaProcess reader = bench.simulator("pn532-" + k, "pn532", "--link", dir.resolve("pn532-" + k).toString());
                readers.add(reader);
                stations.add(bench.station("station-" + k, yaml(k, base, Bench.address(reader))));
            }
            for (int k = 0; k < 3; k++) {
                encodeOne(readers.get(k), stations.get(k));
            }
            await(() -> configured(base) == 3, "the three outcomes reach the platform");
            assertTrue(Bench.state(base).path("leases").path("live").asInt() >= 3, Bench.state(base).toString());

            stations.get(1).kill(); // holding leased tags it never used
            // Both remaining heads work at once, as on a line: each takes a new chip when its last one is done,
            // and a chip without a tag waits on its antenna until a lease (the dead station's, once expired) brings one.
            Head[] heads = {new Head(readers.get(0), stations.get(0)), new Head(readers.get(2), stations.get(2))};
            long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (configured(base) < TAGS) {
                assertTrue(System.nanoTime() < end, "the last tags never came back: " + Bench.state(base));
                for (Head h : heads) {
                    h.step();
                }
                Thread.sleep(100); // polling other processes; nothing to wait on in this JVM
            }
            for (Head h : heads) {
                h.clear();
            }
            for (int k : new int[] {0, 2}) {
                stations.get(k).send("stop");
                assertEquals(0, stations.get(k).awaitExit(Duration.ofSeconds(60)));
            }

            JsonNode state = Bench.state(base);
            assertEquals(TAGS, state.path("tags").path("configured").asInt(), state.toString());
            assertEquals(0, state.path("conflicts").size(), state.toString());
            Map<String, Set<String>> stationsByTag = new HashMap<>();
            int total = 0;
            for (int k = 1; k <= 3; k++) {
                for (String tag : configuredTags(dir.resolve("data-" + k).resolve("station.db"))) {
                    stationsByTag.computeIfAbsent(tag, t -> new HashSet<>()).add("station-" + k);
                    total++;
                }
            }
            assertEquals(TAGS, total, "the stations' stores add up to the platform: " + stationsByTag);
            assertEquals(TAGS, stationsByTag.size(), "no tag configured by two stations: " + stationsByTag);
            assertEquals(1, configuredTags(dir.resolve("data-2").resolve("station.db")).size(),
                    "the killed station configured its one chip and no more");
        }
    }

    private static String yaml(int k, String base, String link) {
        return """
                station: line-%d
                data_dir: data-%d
                keys:
                  file: keys.yaml
                platform:
                  base_url: %s
                  api_key_file: bench.token
                encoding:
                  lease_low_water: 1
                  lease_high_water: 3
                reader:
                  link: %s
                line:
                  mode: hand-fed
                sync:
                  interval_ms: 200
                """.formatted(k, k, base, link) + Bench.TRUST;
    }

    /** One station with a chip on its antenna at a time. */
    private final class Head {
        private final JavaProcess reader;
        private final JavaProcess station;
        private String chip;
        private int mark;

        Head(JavaProcess reader, JavaProcess station) {
            this.reader = reader;
            this.station = station;
        }

        /** Takes a configured chip away and puts the next one down. */
        void step() {
            if (chip != null) {
                String hex = chip;
                List<String> done = station.lines().subList(mark, station.lines().size()).stream()
                        .filter(l -> l.contains("event=chip") && l.contains("uid=" + hex)
                                && !l.contains("outcome=no_job")).toList();
                if (done.isEmpty()) {
                    return;
                }
                assertTrue(done.get(0).contains("outcome=configured"), done.get(0));
                reader.send("remove " + hex);
            }
            chip = String.format("04B1B2C3D4%04X", ++uid);
            mark = station.mark();
            reader.send("add ntag_424_dna:" + chip);
        }

        /** Takes the waiting chip away. */
        void clear() {
            if (chip != null) {
                reader.send("remove " + chip);
                chip = null;
            }
        }
    }

    /** Places a fresh chip on the station's antenna, waits for it to be configured, takes it away. */
    private void encodeOne(JavaProcess reader, JavaProcess station) {
        String hex = String.format("04B1B2C3D4%04X", ++uid);
        int mark = station.mark();
        reader.send("add ntag_424_dna:" + hex);
        // a chip that finds no tag on hand waits on the antenna (outcome no_job) until a lease brings one
        String chip = station.awaitLine(mark, l -> l.contains("event=chip") && l.contains("uid=" + hex)
                && !l.contains("outcome=no_job"), CHIP);
        assertTrue(chip.contains("outcome=configured"), chip);
        reader.send("remove " + hex);
    }

    private static int configured(String base) {
        return Bench.state(base).path("tags").path("configured").asInt();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + CHIP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100); // polling another process's state; nothing to wait on in this JVM
        }
    }

    private static List<String> configuredTags(Path db) throws SQLException {
        List<String> tags = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT tag_id FROM outcomes WHERE outcome = 'configured'")) {
            while (rs.next()) {
                tags.add(rs.getString(1));
            }
        }
        return tags;
    }
}
