package com.tagline.station.outside;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.Ntag223Variant;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.pn532.PassiveTarget;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532TagLink;
import com.tagline.hardware.serial.JsscSerialLink;
import com.tagline.simulator.cli.Pn532Server;
import com.tagline.simulator.field.OriginalityKeyPair;
import com.tagline.simulator.ntag223.SimulatedNtag223;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.Reason;
import com.tagline.station.personalize.StepListener;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 16: an NTAG 223 DNA personalized by the station's own recipe through the PN532 emulator over a real pty,
 * then read by an outside client (libnfc's nfc-mfultralight, as a phone-less bench would), gives a URL that
 * {@code station sun-verify --keys} accepts with the station's key file alone (the chip's key is never computed
 * here), with the NFC counter one higher on every read (each read is a new power-up, ntag223.md §6). The emulator
 * logs no WARN or ERROR meanwhile. Skipped without socat and libnfc-bin.
 */
class OutsideReaderScansStationChipTest {
    private static final String URL = "https://zannatherapeutics.com/verify/lonafen/8a3f9c2b";
    private static final byte[] UID = HexFormat.of().parseHex("04AB12CD34EF80");
    private static final long LIMIT_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void nfcMfultralightReadsAUrlThatSunVerifyAcceptsWithARisingCounter() throws Exception {
        assumeTrue(onPath("socat") && onPath("nfc-mfultralight"), "socat and libnfc-bin are needed (.ci/run)");
        Path keyFile = keyFile();
        MasterKeySet keys = KeyFile.load(keyFile);
        SimulatedNtag223 chip = SimulatedNtag223.builder().uid(UID).variant(Ntag223Variant.PLAIN)
                .random(new SplittableRandom(2)).build();
        ListAppender<ILoggingEvent> emulatorLog = watchSimulatorLog();
        try (Pn532Server server = Pn532Server.start(dir.resolve("nfc0"), List.of(chip))) {
            personalize(server.link(), keys);

            List<Long> counters = new ArrayList<>();
            for (int read = 0; read < 3; read++) {
                String url = readUrlWithNfcMfultralight(server.link());
                assertTrue(url.startsWith(URL), url);
                JsonNode verdict = sunVerify(keyFile, url);
                assertTrue(verdict.get("valid").asBoolean(), verdict.toString());
                assertEquals(HexFormat.of().withUpperCase().formatHex(UID), verdict.get("uid").asText().toUpperCase());
                counters.add(verdict.get("counter").asLong());
            }
            assertEquals(List.of(counters.get(0), counters.get(0) + 1, counters.get(0) + 2), counters);
        } finally {
            ((Logger) LoggerFactory.getLogger("com.tagline.simulator")).detachAppender(emulatorLog);
        }
        List<String> bad = emulatorLog.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertEquals(List.of(), bad, "the emulator logged warnings or errors");
    }

    /** The station's recipe through its own PN532 driver, over the same pty the outside client uses next. */
    private static void personalize(Path link, MasterKeySet keys) {
        Ntag223Personalizer personalizer = new Ntag223Personalizer(Ntag223Recipe.of(keys, MirrorTemplate.defaults(),
                Ntag223Originality.trust(List.of(OriginalityKeyPair.ntag223Test().publicKeyHex()))));
        try (Pn532 reader = new Pn532(JsscSerialLink.open(link.toString(), 115200))) {
            reader.init();
            List<PassiveTarget> found = reader.inListPassiveTarget(1, new byte[0]);
            assertEquals(1, found.size());
            PersonalizationResult r = personalizer.personalize(new Pn532TagLink(reader, found.get(0)), URL,
                    StepListener.NONE);
            assertEquals(Reason.CONFIGURED, r.reason(), r.detail());
        }
    }

    /** nfc-mfultralight r DUMP, then the URI record of the first NDEF TLV from page 4 on (NFC Forum T2T §2.3). */
    private String readUrlWithNfcMfultralight(Path link) throws Exception {
        Path dump = Files.createTempFile(dir, "ntag223", ".mfd");
        ProcessBuilder pb = new ProcessBuilder("nfc-mfultralight", "r", dump.toString());
        pb.environment().put("LIBNFC_DEVICE", "pn532_uart:" + link);
        pb.environment().put("LIBNFC_AUTO_SCAN", "false");
        String out = run(pb);
        assertTrue(out.contains("Done,"), out);
        byte[] memory = Files.readAllBytes(dump);
        int at = 16;
        while ((memory[at] & 0xFF) != 0x03) { // skip NULL (00) and other TLVs
            at += (memory[at] & 0xFF) == 0x00 ? 1 : 2 + (memory[at + 1] & 0xFF);
        }
        int length = memory[at + 1] & 0xFF;
        return NdefUri.parse(Arrays.copyOfRange(memory, at + 2, at + 2 + length)).uri();
    }

    /** {@code station sun-verify} as its own process, as an operator runs it. */
    private JsonNode sunVerify(Path keyFile, String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out = run(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "com.tagline.station.cli.StationCli", "sun-verify", "--protocol", "ntag_223_dna", "--keys",
                keyFile.toString(), url));
        return new ObjectMapper().readTree(out.lines().filter(l -> l.startsWith("{")).findFirst().orElse(out));
    }

    private String run(ProcessBuilder pb) throws Exception {
        Path out = Files.createTempFile(dir, "run", ".out");
        Process p = pb.redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(pb.command() + " did not finish in " + LIMIT_SECONDS + " s: " + Files.readString(out));
        }
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), pb.command() + ": " + text);
        return text;
    }

    private static ListAppender<ILoggingEvent> watchSimulatorLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger("com.tagline.simulator")).addAppender(appender);
        return appender;
    }

    /** The station's key file (keys.example.yaml's format, owner-only) with random master keys, key set 3. */
    private Path keyFile() throws Exception {
        List<String> lines = new ArrayList<>(List.of("key_set_version: 3"));
        for (int i = 0; i < 5; i++) {
            byte[] key = new byte[16];
            new SplittableRandom(60 + i).nextBytes(key);
            lines.add("key" + i + ": " + HexFormat.of().formatHex(key));
        }
        Path file = Files.write(dir.resolve("keys.yaml"), lines);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
