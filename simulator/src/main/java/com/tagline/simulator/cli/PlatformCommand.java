package com.tagline.simulator.cli;

import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.KeyFileException;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.simulator.platform.tagbase.TagbaseWebhook;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code simulator platform --port N --api-key-file FILE [...]}: serves the tagbase platform emulator
 * (platform-api §1) on 127.0.0.1 until SIGTERM, SIGINT or the end of a piped stdin. Prints the base
 * URL on stdout once listening. Usage errors (exit 2) name the bad option; the API key, the webhook
 * secret and the master keys are never printed.
 */
@Command(name = "platform", mixinStandardHelpOptions = true,
        description = {"Serves the tagbase platform emulator on 127.0.0.1.",
            "Prints the base URL once listening; stops on SIGTERM/SIGINT or when a piped stdin ends.",
            "Piped stdin lines: 'state' prints the emulator state as JSON."})
final class PlatformCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "N", description = "Loopback port; 0 picks a free one.")
    private int port;

    @picocli.CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    private ApiKeyOptions apiKeyOptions;

    private String apiKey;

    @Option(names = "--seed-tags", paramLabel = "N", description = "Pending tags to create at start (needs --protocol).")
    private Integer seedTags;

    @Option(names = "--protocol", paramLabel = "PROTOCOL", description = "ntag_424_dna or ntag_223_dna, for --seed-tags.")
    private String protocol;

    @Option(names = "--url-base", paramLabel = "URL", defaultValue = "https://tags.example.test/t",
            description = "Seeded tags get URL/seed-1, URL/seed-2, ... Default: ${DEFAULT-VALUE}.")
    private String urlBase;

    @Option(names = "--keys", paramLabel = "FILE", description = "Master key file (owner-only) for verifications.")
    private Path keys;

    @Option(names = "--webhook-url", paramLabel = "URL", description = "Where events are POSTed (with --webhook-secret).")
    private String webhookUrl;

    @Option(names = "--webhook-secret", paramLabel = "whsec_...", description = "Standard Webhooks signing secret.")
    private String webhookSecret;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of ids and fault dice.")
    private long seed;

    @Option(names = "--lease-seconds", paramLabel = "S", defaultValue = "86400",
            description = "How long a lease lives unless renewed (default ${DEFAULT-VALUE}: the contract's 24 h).")
    private long leaseSeconds;

    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "warn",
            description = "error, warn, info, debug or trace; logs go to stderr. Default: ${DEFAULT-VALUE}.")
    private String logLevel;

    @Override
    public Integer call() throws InterruptedException {
        TagbaseEmulatorConfig config = config();
        ChipProtocol seedProtocol = seedProtocol();
        try (TagbaseEmulator emulator = TagbaseEmulator.start(config)) {
            if (seedProtocol != null) {
                emulator.seedTags(apiKey, seedTags, seedProtocol, urlBase);
            }
            ServeUntilStopped.serve("platform", emulator.baseUrl(), spec.commandLine().getOut(),
                    () -> String.valueOf(emulator.state()));
        }
        return 0;
    }

    /** Validates the options into a configuration; every problem is a usage error naming its option. */
    TagbaseEmulatorConfig config() {
        List<String> levels = Arrays.asList("error", "warn", "info", "debug", "trace");
        if (!levels.contains(logLevel)) {
            throw usage("--log-level must be one of " + levels);
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", logLevel);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        if (port < 0 || port > 65535) {
            throw usage("--port must be 0..65535, got " + port);
        }
        apiKey = apiKeyOptions.value(spec.commandLine());
        if (apiKey.isBlank() || apiKey.chars().anyMatch(Character::isWhitespace)) {
            throw usage("the API key must be non-empty without whitespace");
        }
        if (leaseSeconds < 1 || leaseSeconds > 366L * 86_400) {
            throw usage("--lease-seconds must be 1..31622400, got " + leaseSeconds);
        }
        TagbaseEmulatorConfig config = TagbaseEmulatorConfig.forApiKey(apiKey).withPort(port).withSeed(seed)
                .withLeaseLife(Duration.ofSeconds(leaseSeconds));
        if (keys != null) {
            try {
                MasterKeySet set = KeyFile.load(keys);
                config = config.withMasterKeys(set);
            } catch (KeyFileException e) {
                throw usage("--keys: " + e.getMessage());
            }
        }
        if ((webhookUrl == null) != (webhookSecret == null)) {
            throw usage("--webhook-url and --webhook-secret go together");
        }
        if (webhookUrl != null) {
            try {
                config = config.withWebhook(TagbaseWebhook.parse(webhookUrl, webhookSecret));
            } catch (IllegalArgumentException e) {
                throw usage((e.getMessage().contains("secret") ? "--webhook-secret: " : "--webhook-url: ")
                        + e.getMessage());
            }
        }
        return config;
    }

    private ChipProtocol seedProtocol() {
        if (seedTags == null) {
            if (protocol != null) {
                throw usage("--protocol is only used with --seed-tags");
            }
            return null;
        }
        if (seedTags < 1) {
            throw usage("--seed-tags must be at least 1, got " + seedTags);
        }
        if (protocol == null) {
            throw usage("--seed-tags needs --protocol (ntag_424_dna or ntag_223_dna)");
        }
        return ChipProtocol.byCode(protocol).orElseThrow(() ->
                usage("--protocol must be ntag_424_dna or ntag_223_dna, got '" + protocol + "'"));
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
