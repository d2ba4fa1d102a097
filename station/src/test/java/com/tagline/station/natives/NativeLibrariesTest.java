package com.tagline.station.natives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JNI libraries unpack by Debian architecture into one flat directory, each an ELF file, mode 0644. */
class NativeLibrariesTest {
    private static final byte[] ELF = {0x7F, 'E', 'L', 'F'};

    @TempDir
    Path dir;

    @Test
    void unpacksEachArchitecturesLibrariesUnderTheNamesTheLoadersLookFor() throws Exception {
        assertEquals(List.of("amd64", "arm64", "armhf"), NativeLibraries.architectures());
        for (String arch : List.of("arm64", "armhf")) {
            Path into = dir.resolve(arch);
            List<Path> files = NativeLibraries.unpack(arch, into);
            assertEquals(List.of("libjssc.so", "libsqlitejdbc.so", "libgpiod.so", "libpi4j-gpiod.so"),
                    files.stream().map(f -> f.getFileName().toString()).toList());
            for (Path f : files) {
                byte[] head = new byte[4];
                System.arraycopy(Files.readAllBytes(f), 0, head, 0, 4);
                assertArrayEquals(ELF, head, f.toString());
                assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
            }
        }
        assertEquals(2, NativeLibraries.unpack("amd64", dir.resolve("amd64")).size(), "no GPIO natives on a PC");
        assertThrows(IllegalArgumentException.class, () -> NativeLibraries.unpack("mips", dir.resolve("mips")));
    }
}
