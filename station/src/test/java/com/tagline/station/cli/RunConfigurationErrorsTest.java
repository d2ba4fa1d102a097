package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code station run} with a configuration only a simulation can serve: exit 2 and one line naming the field. */
class RunConfigurationErrorsTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void aSimulatorReaderLinkIsRefusedAtStart() throws Exception {
        // before: the station started and its reader thread logged bench_error "link 'sim:' needs an emulator" for
        // every chip, until someone read the log
        Path keys = Files.copy(Path.of("..", "configs", "keys.example.yaml"), dir.resolve("keys.yaml"));
        Path token = Files.writeString(dir.resolve("api.token"), "sk_test_sim_link\n");
        for (Path secret : List.of(keys, token)) {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
        Path config = Files.writeString(dir.resolve("station.yaml"), """
                station: bench-1
                data_dir: data
                keys: {file: keys.yaml}
                platform: {base_url: "http://127.0.0.1:9", api_key_file: api.token}
                reader: {link: "sim:"}
                line: {mode: hand-fed}
                console: {enabled: false}
                """);

        CliRunner r = CliRunner.run("run", "--config", config.toString());

        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("run:")).toList();
        assertEquals(List.of("run: reader.link: 'sim:' is the in-process emulator of station simulate; a station's"
                + " reader is a serial device (/dev/ttyAMA0) or tcp://host:port"), lines, r.err());
        assertFalse(Files.exists(dir.resolve("data").resolve("station.db")), "refused before the store was made");
    }
}
