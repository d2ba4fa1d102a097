package com.tagline.station.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.station.config.ConfigLoader;
import com.tagline.station.run.BenchConfig;
import com.tagline.station.run.Station;
import com.tagline.station.run.Surroundings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The station's start-up line names its key set as two well-formed fields, {@code key_version} and
 * {@code kcv} (key check values of configs/keys.example.yaml), in logfmt and in JSON; never a key. It
 * used to carry {@code keys="MasterKeySet[version=1," kcv=...]}: a quoted fragment and a stray bracket.
 */
class StationAssembledLineTest {
    @TempDir
    Path dir;

    @Test
    void theKeySetIsKeyVersionAndCheckValues() throws Exception {
        Path yaml = BenchConfig.write(dir, dir.resolve("no-pn532").toString(), "", "");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger logger = (Logger) LoggerFactory.getLogger(Station.class);
        logger.addAppender(log);
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try (Station station = Station.assemble(ConfigLoader.load(yaml), Surroundings.line(Map.of()))) {
            assertEquals(1, station.keys().version());
        } finally {
            logger.setLevel(level);
            logger.detachAppender(log);
        }
        ILoggingEvent assembled = log.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("event=station_assembled")).findFirst().orElseThrow();

        String logfmt = new EventLayout(Map.of()).doLayout(assembled);
        assertTrue(logfmt.contains(" key_version=1 kcv=252B19,68537F,1CC240,B3582E,61DB5D "), logfmt);
        assertFalse(logfmt.contains("MasterKeySet") || logfmt.contains("00112233"), logfmt);
        JsonNode json = new ObjectMapper().readTree(new EventLayout(Map.of("TAGLINE_LOG_FORMAT", "json"))
                .doLayout(assembled));
        assertEquals("1", json.get("key_version").asText());
        assertEquals("252B19,68537F,1CC240,B3582E,61DB5D", json.get("kcv").asText());
        assertEquals("hand-fed", json.get("mode").asText(), "the fields after it are whole too: " + json);
    }
}
