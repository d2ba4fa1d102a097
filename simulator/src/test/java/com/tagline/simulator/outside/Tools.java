package com.tagline.simulator.outside;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which outside programs this machine has (socat, libnfc's tools, node). */
public final class Tools {
    private Tools() {
    }

    /** True when every one of {@code tools} is an executable on PATH. */
    public static boolean onPath(String... tools) {
        for (String tool : tools) {
            if (!found(tool)) {
                return false;
            }
        }
        return true;
    }

    private static boolean found(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
