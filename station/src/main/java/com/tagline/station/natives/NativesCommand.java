package com.tagline.station.natives;

import com.tagline.hardware.IoReason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station natives --into DIR [--arch ARCH]}: unpacks the JNI libraries of this machine's
 * architecture into DIR (the package's postinst runs it with {@code /usr/lib/tagline/native}). Exit 0
 * when written, 1 when the jar or the directory failed, 2 for an architecture without libraries.
 */
@Command(name = "natives", mixinStandardHelpOptions = true, hidden = true,
        description = "Unpack the jssc, sqlite-jdbc and pi4j gpiod JNI libraries of an architecture into a directory.")
public final class NativesCommand implements Callable<Integer> {
    @Option(names = "--into", required = true, paramLabel = "DIR", description = "Target directory.")
    Path into;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "Debian architecture (arm64, armhf, amd64); default: this JVM's.")
    String arch;

    @Override
    public Integer call() {
        String a = arch != null ? arch : NativeLibraries.currentArchitecture();
        if (NativeLibraries.of(a).isEmpty()) {
            System.err.println("natives: no native libraries for architecture '" + a + "' (have: "
                    + NativeLibraries.architectures() + ")");
            return 2;
        }
        try {
            List<Path> files = NativeLibraries.unpack(a, into);
            files.forEach(f -> System.out.println(f));
            return 0;
        } catch (IOException e) {
            System.err.println("natives: cannot unpack into " + into + ": " + IoReason.of(e));
            return 1;
        }
    }
}
