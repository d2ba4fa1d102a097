package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.station.run.BenchConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user meets first when a command line is wrong: one line naming the mistake and where the help
 * is, exit 2; a file that cannot be read named once with the reason; a misspelt option named as such; no
 * follow-on error made up from a default; the configuration's manifest treated like the other files it names.
 */
class UsageErrorsTest {
    @TempDir
    Path dir;

    @Test
    void noSubcommandPrintsTheUsageOnStderrAndExitsTwoWhileHelpExitsZero() {
        CliRunner none = CliRunner.run();
        assertEquals(2, none.exit());
        assertEquals("", none.out());
        assertTrue(none.err().startsWith("Missing required subcommand"), none.err());
        assertTrue(none.err().contains("Usage: station") && none.err().contains("sun-verify"), none.err());
        CliRunner help = CliRunner.run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage: station"), help.out());
    }

    @Test
    void everySubcommandAnswersVersion() {
        for (List<String> args : List.of(List.of("-V"), List.of("run", "-V"), List.of("simulate", "--version"),
                List.of("benchmark", "sync", "-V"))) {
            CliRunner r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), args + ": " + r.err());
            assertEquals("Tagline station 0.1.0", r.out().strip(), args.toString());
        }
    }

    @Test
    void aMisspeltOptionIsNamedAndTheUsageDoesNotScrollItAway() {
        CliRunner r = CliRunner.run("run", "--cnfig", "configs/bench.example.yaml");
        assertEquals(2, r.exit());
        assertEquals(List.of("Unknown option: '--cnfig' (did you mean --config?)", "see 'station.jar run --help'"),
                r.err().lines().toList());
    }

    @Test
    void aFileThatCannotBeReadIsNamedOnceWithTheReason() {
        Path missing = dir.resolve("nope.yaml");
        CliRunner r = CliRunner.run("run", "--config", missing.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cannot read " + missing + ": does not exist"), r.err());
        int times = r.err().split(java.util.regex.Pattern.quote(missing.toString()), -1).length - 1;
        assertEquals(2, times, "the heading and the problem line name it once each: " + r.err());
    }

    @Test
    void aFieldThatIsItselfWrongIsNotCrossCheckedAgainstAnother() throws Exception {
        Path config = BenchConfig.write(dir, dir.resolve("no-pn532").toString(), "",
                "encoding: {lease_low_water: five, lease_high_water: 20}");
        CliRunner r = CliRunner.run("run", "--config", config.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("encoding.lease_low_water: must be a whole number 0..10000, was 'five'"), r.err());
        assertFalse(r.err().contains("lease_high_water"), "no error made up from lease_low_water's default: " + r.err());
    }

    @Test
    void aManifestThatCannotBeReadIsTheConfigurationsProblem() throws Exception {
        Path config = BenchConfig.write(dir, dir.resolve("no-pn532").toString(), "kind: ixkio, manifest: batch-1.csv", "");
        CliRunner r = CliRunner.run("run", "--config", config.toString());
        assertEquals(2, r.exit(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("run:")).toList();
        assertEquals(List.of("run: platform.manifest: cannot read the manifest " + dir.resolve("batch-1.csv")
                + ": does not exist"), lines, r.err());
    }
}
