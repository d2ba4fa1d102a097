package com.tagline.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.tagline.simulator.outside.Tools;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 16 item 5: a second emulator must not take over (and later delete) the link of a running one. */
@Timeout(30)
class Pn532ServerLinkTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsSocat() {
        assumeTrue(Tools.onPath("socat"), "socat is not installed (.ci/run installs it)");
    }

    @Test
    void aSecondServerOnTheSameLinkIsRefusedAndTheFirstKeepsIt() throws Exception {
        Path link = dir.resolve("nfc0");
        try (Pn532Server first = Pn532Server.start(link, List.of())) {
            Path device = Files.readSymbolicLink(link);

            IOException refused = assertThrows(IOException.class, () -> Pn532Server.start(link, List.of()).close());

            assertTrue(refused.getMessage().contains(link.toString()) && refused.getMessage().contains("in use"),
                    refused.getMessage());
            assertEquals(device, Files.readSymbolicLink(link), "the first server's link is untouched");
            assertTrue(first.healthy());
        }
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS), "the owner removes its link");
    }

    @Test
    void theCommandLineRefusesALinkInUseWithExitTwo() throws Exception {
        Path link = dir.resolve("nfc0");
        try (Pn532Server first = Pn532Server.start(link, List.of())) {
            StringWriter err = new StringWriter();
            CommandLine cli = SimulatorCli.commandLine();
            cli.setErr(new PrintWriter(err, true));
            cli.setOut(new PrintWriter(new StringWriter(), true));

            assertEquals(2, cli.execute("pn532", "--link", link.toString()));

            assertTrue(err.toString().contains("is in use"), err.toString());
            assertTrue(first.healthy());
        }
    }

    @Test
    void aLinkLeftByAKilledEmulatorIsReplaced() throws Exception {
        Path link = dir.resolve("nfc0");
        Files.createSymbolicLink(link, dir.resolve("pts-that-is-gone"));
        try (Pn532Server server = Pn532Server.start(link, List.of())) {
            assertTrue(Files.exists(link), "the link now leads to the new pty");
        }
    }
}
