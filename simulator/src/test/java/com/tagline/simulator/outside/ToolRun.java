package com.tagline.simulator.outside;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an outside program under a time limit: a hang fails the test with what the program printed so far.
 * Standard input comes from /dev/null unless a file is given.
 *
 * @param exit   exit status
 * @param stdout what it printed on stdout
 * @param stderr what it printed on stderr
 */
public record ToolRun(int exit, String stdout, String stderr) {
    /** Runs {@code command} in {@code dir}, its output kept there, with {@code env} added to the environment. */
    public static ToolRun run(Path dir, Map<String, String> env, Duration limit, List<String> command)
            throws IOException, InterruptedException {
        return run(dir, dir, env, limit, command);
    }

    /** Runs {@code command} in {@code workDir}; its output goes to files in {@code outputDir}. */
    public static ToolRun run(Path workDir, Path outputDir, Map<String, String> env, Duration limit,
            List<String> command) throws IOException, InterruptedException {
        String name = Path.of(command.get(0)).getFileName().toString();
        Path out = Files.createTempFile(outputDir, name, ".out");
        Path err = Files.createTempFile(outputDir, name, ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + limit + "\nstdout:\n"
                    + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        return new ToolRun(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The environment that points libnfc at one pn532_uart device and nothing else (pn532.md §5.2). */
    public static Map<String, String> libnfc(Path link) {
        return Map.of("LIBNFC_DEVICE", "pn532_uart:" + link, "LIBNFC_AUTO_SCAN", "false");
    }

    @Override
    public String toString() {
        return "exit " + exit + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
