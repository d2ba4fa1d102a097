package com.tagline.station.simulate.campaign;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** This program's class path with every entry absolute, for a child started in another working directory. */
final class JavaClassPath {
    private JavaClassPath() {
    }

    static String absolute() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
