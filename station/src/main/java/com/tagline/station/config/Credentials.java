package com.tagline.station.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * systemd credentials (systemd.exec(5) {@code LoadCredential=NAME:PATH}): systemd, as root, copies a
 * secret file into the service's private {@code $CREDENTIALS_DIRECTORY} readable by the service user
 * only, so {@code /etc/tagline/keys.yaml} can stay {@code root:root 0600}. A secret file configured as
 * {@code /etc/tagline/keys.yaml} is read from {@code $CREDENTIALS_DIRECTORY/keys.yaml} when that exists
 * and holds more than white space: the credential's name is the file's name, as the packaged unit loads
 * them. A blank credential is none: the unit gives each credential a default of one newline
 * ({@code SetCredential=NAME:\n}; systemd 252 refuses an empty value) so that a secret file not put in
 * {@code /etc/tagline} does not stop the unit from starting (systemd.exec(5): "the latter will act as
 * default if the former cannot be retrieved"). Without the variable (a shell, the doctor) or without
 * that credential, the configured path is read.
 */
public final class Credentials {
    public static final String VARIABLE = "CREDENTIALS_DIRECTORY";

    private Credentials() {
    }

    /** Where the secret configured at {@code configured} is read from under {@code env}. */
    public static Path resolve(Path configured, Map<String, String> env) {
        String dir = env.get(VARIABLE);
        if (dir == null || dir.isBlank() || configured.getFileName() == null) {
            return configured;
        }
        Path credential = Path.of(dir).resolve(configured.getFileName().toString());
        return holdsData(credential) ? credential : configured;
    }

    /** A secret is never blank (an empty token or key file is refused): a blank credential is the unit's default. */
    private static boolean holdsData(Path credential) {
        if (!Files.isRegularFile(credential)) {
            return false;
        }
        try {
            return !new String(Files.readAllBytes(credential), StandardCharsets.ISO_8859_1).isBlank();
        } catch (IOException e) {
            return true; // there is one: whoever reads it says what is wrong with it
        }
    }
}
