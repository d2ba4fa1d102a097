package com.tagline.station.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * systemd credentials (systemd.exec(5) {@code LoadCredential=NAME:PATH}): systemd, as root, copies a
 * secret file into the service's private {@code $CREDENTIALS_DIRECTORY} readable by the service user
 * only, so {@code /etc/tagline/keys.yaml} can stay {@code root:root 0600}. A secret file configured as
 * {@code /etc/tagline/keys.yaml} is read from {@code $CREDENTIALS_DIRECTORY/keys.yaml} when that exists:
 * the credential's name is the file's name, as the packaged unit loads them. Without the variable (a
 * shell, the doctor) or without that credential, the configured path is read.
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
        return Files.isRegularFile(credential) ? credential : configured;
    }
}
