package com.tagline.station.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A hand-fed bench's configuration written into a test's directory: the example master keys and a platform
 * token (both owner-only, as the station demands), a platform on loopback port 9 (nothing answers there), the
 * given reader link, no console.
 */
public final class BenchConfig {
    private BenchConfig() {
    }

    /** {@code station.yaml} in {@code dir}; {@code platform} adds fields to the platform mapping, {@code more} lines. */
    public static Path write(Path dir, String readerLink, String platform, String more) throws IOException {
        Files.writeString(dir.resolve("keys.yaml"), Files.readString(Path.of("..", "configs", "keys.example.yaml")));
        Files.writeString(dir.resolve("token"), "sk_test_1\n");
        for (String f : new String[] {"keys.yaml", "token"}) {
            Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rw-------"));
        }
        return Files.writeString(dir.resolve("station.yaml"), """
                station: bench-1
                data_dir: data
                keys: {file: keys.yaml}
                platform: {base_url: "http://127.0.0.1:9", api_key_file: token%s}
                reader: {link: "%s"}
                line: {mode: hand-fed}
                console: {enabled: false}
                %s
                """.formatted(platform.isEmpty() ? "" : ", " + platform, readerLink, more));
    }
}
