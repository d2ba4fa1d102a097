package com.tagline.simulator.cli;

import com.tagline.hardware.IoReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The emulated account's API key, exactly one of {@code --api-key KEY} and {@code --api-key-file FILE}.
 * Prefer the file: every user sees a process's arguments ({@code ps}, {@code /proc/PID/cmdline}).
 */
final class ApiKeyOptions {
    @Option(names = "--api-key", required = true, paramLabel = "KEY",
            description = "The API key (visible to every user in ps; prefer --api-key-file).")
    String key;

    @Option(names = "--api-key-file", required = true, paramLabel = "FILE",
            description = "A file holding the API key on its first line (never printed).")
    Path file;

    /** The key, from the option or the file's first line; a usage error names the option. */
    String value(CommandLine cl) {
        if (key != null) {
            return key;
        }
        try {
            String v = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            if (v.isEmpty()) {
                throw new ParameterException(cl, "--api-key-file " + file + " is empty");
            }
            return v;
        } catch (IOException e) {
            throw new ParameterException(cl, "--api-key-file " + file + ": cannot read: " + IoReason.of(e));
        }
    }
}
