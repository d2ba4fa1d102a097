package com.tagline.station.doctor;

import com.tagline.hardware.IoReason;
import com.tagline.hardware.TaglineException;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.station.config.ConfigException;
import com.tagline.station.config.Secret;
import com.tagline.station.config.StationConfig;
import com.tagline.station.run.Station;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master key file, the platform's API token and the console's operator token (when one is
 * configured): where each comes from, its owner and mode, and that it reads as the station reads it.
 * A secret readable or writable by group or others is a FAIL, as {@code station run} refuses it
 * (architecture §6). Lines name files and variables, never a value.
 */
final class SecretChecks {
    private final StationConfig config;
    private final Map<String, String> env;

    SecretChecks(StationConfig config, Map<String, String> env) {
        this.config = config;
        this.env = env;
    }

    List<Finding> run() {
        List<Finding> out = new ArrayList<>(List.of(keys(), token()));
        operatorToken().ifPresent(out::add);
        return out;
    }

    private Finding keys() {
        if (config.keys().file().isEmpty()) {
            String prefix = config.keys().environmentPrefix().orElseThrow();
            try {
                MasterKeySet keys = config.keys().load(env);
                return Finding.pass("keys", "from environment " + prefix + "*, key set version " + keys.version());
            } catch (TaglineException e) {
                return Finding.fail("keys", e.getMessage() + "; set the variables in the service's environment");
            }
        }
        Path file = config.keys().source(env).orElseThrow();
        return fileSecret("keys", file, () -> "key set version " + config.keys().load(env).version(),
                "create it from configs/keys.example.yaml");
    }

    private Finding token() {
        Secret secret = config.platform().apiKey();
        return secret("token", secret, () -> {
            secret.read("platform.api_key", env);
            return "one token";
        }, "write the platform's API token into it (one line)");
    }

    /** The console's operator token, read (and its length checked) where {@code station run} reads it. */
    private Optional<Finding> operatorToken() {
        StationConfig.Console console = config.console();
        if (!console.enabled() || console.operatorToken().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(secret("operator", console.operatorToken().get(), () -> {
            Station.consoleSettings(console, env);
            return "the console's operator token";
        }, "write the console's operator token into it (one line)"));
    }

    private Finding secret(String check, Secret secret, SecretRead read, String create) {
        if (secret.variable().isEmpty()) {
            return fileSecret(check, secret.source(env).orElseThrow(), read, create);
        }
        try {
            read.what();
            return Finding.pass(check, "from environment " + secret.variable().get());
        } catch (ConfigException e) {
            return Finding.fail(check, String.join("; ", e.problems()));
        }
    }

    /** Exists, not exposed to group or others, and {@code read} succeeds. */
    private static Finding fileSecret(String check, Path file, SecretRead read, String create) {
        if (!Files.exists(file)) {
            return Finding.fail(check, file + " does not exist; " + create + ", then chmod 600 " + file);
        }
        FileFacts facts;
        try {
            facts = FileFacts.of(file);
        } catch (IOException e) {
            return Finding.fail(check, "cannot read the permissions of " + file + ": " + IoReason.of(e));
        }
        if (facts.exposed()) {
            return Finding.fail(check, file + " is " + facts.describe() + ": readable or writable by group or others;"
                    + " run chmod 600 " + file);
        }
        if (!Files.isReadable(file)) {
            return Finding.fail(check, file + " " + facts.describe() + " is not readable by "
                    + System.getProperty("user.name") + "; run the doctor as root (the service gets it as a credential)");
        }
        try {
            return Finding.pass(check, file + " " + facts.describe() + ", " + read.what());
        } catch (ConfigException e) {
            return Finding.fail(check, String.join("; ", e.problems()));
        } catch (TaglineException e) {
            return Finding.fail(check, e.getMessage());
        } catch (RuntimeException e) {
            return Finding.fail(check, file + " cannot be read by " + System.getProperty("user.name")
                    + " (" + e.getMessage() + "); run the doctor as root");
        }
    }

    /** Reads the secret and says what it holds (never the value). */
    @FunctionalInterface
    private interface SecretRead {
        String what();
    }
}
