package com.tagline.station.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tagline.hardware.IoReason;
import com.tagline.hardware.SmallTextFile;
import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.pn532.Pn532BaudRate;
import com.tagline.hardware.serial.SerialLinkSpec;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.station.platform.TransportSecurity;
import com.tagline.station.sync.SyncPolicy;
import com.tagline.station.workflow.EncodingPolicy;
import com.tagline.station.workflow.LeasePolicy;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates the station's YAML configuration (issue 6: validated at start with messages
 * naming the bad field). Every problem is collected and reported together in one
 * {@link ConfigException}. Secrets are never in this file: the API token comes from a file or an
 * environment variable ({@link Secret}), the master keys from a key file or the environment.
 *
 * <p>Relative paths resolve against the configuration file's directory.
 */
public final class ConfigLoader {
    /** A key written twice is an error, not the last one silently winning (YAML 1.2 §3.2.1.1: keys are unique). */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    /** A station configuration is a few KiB; anything this big is the wrong file, and is not parsed at all. */
    static final int SIZE_LIMIT = 1024 * 1024;

    private ConfigLoader() {
    }

    public static StationConfig load(Path file) {
        JsonNode root;
        try {
            String text = SmallTextFile.read(file, SIZE_LIMIT);
            root = YAML.readTree(text);
            List<String> octal = OctalNumbers.find(text);
            if (!octal.isEmpty()) {
                throw new ConfigException(file.toString(), octal);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new ConfigException(file.toString(), List.of((at == null ? "" : "line " + at.getLineNr()
                    + ", column " + at.getColumnNr() + ": ") + yamlProblem(e.getOriginalMessage())));
        } catch (SmallTextFile.TooLargeException e) {
            throw new ConfigException(file.toString(), List.of("the file is larger than " + (SIZE_LIMIT >> 20)
                    + " MiB: not a station configuration (is --config the right file?)"));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read " + file + ": " + IoReason.of(e)));
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file.toString(), List.of("the file must be a YAML mapping"));
        }
        Path base = file.toAbsolutePath().getParent();
        List<String> problems = new ArrayList<>();
        StationConfig config = read(new ConfigNode(root, "", problems), base);
        if (!problems.isEmpty()) {
            throw new ConfigException(file.toString(), problems);
        }
        return config;
    }

    private static String yamlProblem(String message) {
        java.util.regex.Matcher dup = java.util.regex.Pattern.compile("^Duplicate field '(.*)'").matcher(
                message == null ? "" : message);
        return dup.find() ? "'" + dup.group(1) + "' is written twice in one mapping; keep one"
                : "not valid YAML: " + firstLine(message);
    }

    private static StationConfig read(ConfigNode root, Path base) {
        root.allowOnly(Set.of("station", "data_dir", "keys", "platform", "encoding", "sync", "store", "reader",
                "line", "trust", "console"));
        String station = root.requiredText("station");
        if (!station.isEmpty() && !station.matches("[A-Za-z0-9_.-]{1,64}")) {
            root.problem("station", "must be 1..64 letters, digits, '.', '_' or '-'");
        }
        Path dataDir = base.resolve(root.requiredText("data_dir"));
        return new StationConfig(station, dataDir, keys(root.child("keys"), base), platform(root.child("platform"), base),
                encoding(root.child("encoding")), sync(root.child("sync")), storage(root.child("store")),
                reader(root.child("reader")), LineSection.read(root.child("line")), trust(root.child("trust")),
                ConsoleSection.read(root.child("console"), base));
    }

    private static StationConfig.Keys keys(ConfigNode n, Path base) {
        n.allowOnly(Set.of("file", "env_prefix"));
        Optional<String> file = n.text("file");
        Optional<String> prefix = n.text("env_prefix");
        if (file.isPresent() == prefix.isPresent()) {
            n.problem("file", "give exactly one of keys.file and keys.env_prefix");
        }
        return new StationConfig.Keys(file.map(base::resolve), prefix);
    }

    private static StationConfig.Platform platform(ConfigNode n, Path base) {
        n.allowOnly(Set.of("kind", "base_url", "api_key_file", "api_key_env", "connect_timeout_ms",
                "request_timeout_ms", "api_base", "manifest", "allow_insecure_http", "ca_file"));
        StationConfig.PlatformKind kind = n.choice("kind", "tagbase", Set.of("tagbase", "ixkio")).equals("ixkio")
                ? StationConfig.PlatformKind.IXKIO : StationConfig.PlatformKind.TAGBASE;
        Optional<String> manifest = n.text("manifest");
        if (manifest.isPresent() && kind != StationConfig.PlatformKind.IXKIO) {
            n.problem("manifest", "only platform.kind ixkio takes an encoding manifest; tagbase leases its tags");
        }
        String url = n.requiredText("base_url");
        URI uri = URI.create("http://invalid");
        Optional<URI> given = Optional.empty();
        try {
            uri = URI.create(url);
            given = url.isEmpty() ? Optional.empty() : Optional.of(uri);
            if (!url.isEmpty() && (!Set.of("http", "https").contains(String.valueOf(uri.getScheme()))
                    || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawUserInfo() != null)) {
                n.problem("base_url", "must be http(s)://host[:port][/path] without credentials or query");
            }
        } catch (IllegalArgumentException e) {
            n.problem("base_url", "is not a URL");
        }
        Optional<String> keyFile = n.text("api_key_file");
        Optional<String> keyEnv = n.text("api_key_env");
        if (keyFile.isPresent() == keyEnv.isPresent()) {
            n.problem("api_key_file", "give exactly one of platform.api_key_file and platform.api_key_env");
        }
        String apiBase = n.text("api_base").orElse(kind == StationConfig.PlatformKind.IXKIO ? "/v1" : "/api/v1");
        // appended to base_url as written: without the leading '/', or with '@', it would name another host
        if (!apiBase.matches("(/(?!\\.{1,2}(/|$))[A-Za-z0-9._~-]+)+")) {
            n.problem("api_base", "must be a path like /api/v1 (segments of letters, digits, '.', '_', '~', '-'), was '"
                    + apiBase + "'");
        }
        return new StationConfig.Platform(kind, uri, new Secret(keyFile.map(base::resolve), keyEnv),
                // 0 disables Netty's connect timeout and fails every request at once ("Timeout 0 fired")
                n.millis("connect_timeout_ms", Duration.ofSeconds(5), 1, 120_000),
                n.millis("request_timeout_ms", Duration.ofSeconds(15), 100, 600_000), apiBase,
                manifest.map(base::resolve), security(n, base, given));
    }

    /** {@code allow_insecure_http} and {@code ca_file}; the policy itself is {@link TransportSecurity}'s. */
    private static TransportSecurity security(ConfigNode n, Path base, Optional<URI> url) {
        Optional<Path> ca = n.text("ca_file").map(base::resolve);
        ca.flatMap(TransportSecurity::caFileProblem).ifPresent(p -> n.problem("ca_file", p));
        if (ca.isPresent() && url.isPresent() && !"https".equals(url.get().getScheme())) {
            n.problem("ca_file", "only applies to an https base_url");
        }
        TransportSecurity security = new TransportSecurity(n.bool("allow_insecure_http", false), ca);
        url.filter(u -> u.getHost() != null).flatMap(security::problem).ifPresent(p -> n.problem("base_url", p));
        return security;
    }

    private static StationConfig.Encoding encoding(ConfigNode n) {
        n.allowOnly(Set.of("protocols", "max_attempts_per_tag", "reactivations", "lease_grace_s", "lease_low_water",
                "lease_high_water", "renew_before_s", "sun_parameters"));
        List<ChipProtocol> protocols = n.texts("protocols", List.of(ChipProtocol.NTAG_424_DNA.code()),
                p -> ChipProtocol.byCode(p).isPresent() ? null : "unknown protocol '" + p + "' (known: "
                        + ChipProtocol.codes() + ")").stream()
                .flatMap(p -> ChipProtocol.byCode(p).stream()).distinct().toList();
        if (protocols.isEmpty()) {
            n.problem("protocols", "must name at least one protocol");
            protocols = List.of(ChipProtocol.NTAG_424_DNA);
        }
        EncodingPolicy policy = new EncodingPolicy(n.integer("max_attempts_per_tag", 3, 1, 20),
                n.integer("reactivations", 1, 0, 5), Duration.ofSeconds(n.integer("lease_grace_s", 0, 0, 3_600)));
        int before = n.problemCount();
        int low = n.integer("lease_low_water", 50, 0, 10_000);
        int high = n.integer("lease_high_water", 200, 1, 10_000);
        if (high < low) {
            if (n.problemCount() == before) {
                n.problem("lease_high_water", "must be at least lease_low_water (" + low + ")");
            }
            high = low;
        }
        LeasePolicy leases = new LeasePolicy(protocols, low, Math.max(1, high),
                Duration.ofSeconds(n.integer("renew_before_s", 7200, 60, 86_000)), Duration.ofSeconds(5));
        String sun = n.text("sun_parameters").orElse(SunTemplate.DEFAULT_PARAMETERS);
        try {
            new SunTemplate(sun, 1, 2);
        } catch (IllegalArgumentException e) {
            n.problem("sun_parameters", e.getMessage());
            sun = SunTemplate.DEFAULT_PARAMETERS;
        }
        return new StationConfig.Encoding(protocols, policy, leases, sun);
    }

    private static SyncPolicy sync(ConfigNode n) {
        n.allowOnly(Set.of("batch_size", "interval_ms", "backoff_initial_ms", "backoff_max_ms"));
        SyncPolicy d = SyncPolicy.defaults();
        int before = n.problemCount();
        Duration initial = n.millis("backoff_initial_ms", d.backoffInitial(), 600_000);
        Duration max = n.millis("backoff_max_ms", d.backoffMax(), 3_600_000);
        if (initial.isZero() || max.compareTo(initial) < 0) {
            if (n.problemCount() == before) {
                n.problem("backoff_max_ms", "needs 0 < backoff_initial_ms <= backoff_max_ms");
            }
            initial = d.backoffInitial();
            max = d.backoffMax();
        }
        return new SyncPolicy(n.integer("batch_size", d.batchSize(), 1, 500),
                n.millis("interval_ms", d.interval(), 10, 3_600_000), initial, max); // 0: the idle sync spins
    }

    private static StationConfig.Storage storage(ConfigNode n) {
        n.allowOnly(Set.of("queue_limit", "min_free_mb"));
        return new StationConfig.Storage(n.integer("queue_limit", 10_000, 1, 10_000_000),
                n.integer("min_free_mb", 64, 0, 1_000_000) * 1024L * 1024L);
    }

    private static StationConfig.Reader reader(ConfigNode n) {
        n.allowOnly(Set.of("link", "baud"));
        String link = n.text("link").orElse("/dev/ttyAMA0");
        boolean tcp = false;
        try {
            SerialLinkSpec spec = SerialLinkSpec.parse(link);
            tcp = spec instanceof SerialLinkSpec.Tcp;
            if (spec instanceof SerialLinkSpec.Device d && !Pn532BaudRate.supported(d.baud())) {
                n.problem("link", "?baud=" + d.baud() + " is not a speed the PN532 offers " + Pn532BaudRate.speeds()
                        + " (UM0701-02 §7.2.8)");
            }
        } catch (IllegalArgumentException e) {
            n.problem("link", e.getMessage());
        }
        Optional<Integer> baud = n.has("baud") ? Optional.of(n.integer("baud", 115_200, 9_600, 1_288_000))
                : Optional.empty();
        if (baud.isPresent() && !Pn532BaudRate.supported(baud.get())) {
            n.problem("baud", baud.get() + " is not a speed the PN532 offers " + Pn532BaudRate.speeds()
                    + " (UM0701-02 §7.2.8 SetSerialBaudRate)");
            baud = Optional.empty();
        }
        if (baud.isPresent() && baud.get() != Pn532BaudRate.POWER_ON && tcp) {
            // TcpSerialLink cannot follow SetSerialBaudRate: the serial server's port keeps its own speed
            n.problem("baud", "a tcp:// link cannot change the serial server's speed, so the PN532 would no longer be"
                    + " understood; leave reader.baud out (the server's port stays at " + Pn532BaudRate.POWER_ON + ")");
        }
        return new StationConfig.Reader(link, baud);
    }

    private static StationConfig.Trust trust(ConfigNode n) {
        n.allowOnly(Set.of("ntag424", "ntag223"));
        return new StationConfig.Trust(
                n.texts("ntag424", List.of(), k -> pointProblem(k, "secp224r1", OriginalitySignature::ntag424)),
                n.texts("ntag223", List.of(), k -> pointProblem(k, Ntag223Originality.CURVE, Ntag223Originality::trust)));
    }

    /** Built as the recipe builds it, so a key that is no point on its curve is named here, not at start (exit 1). */
    private static String pointProblem(String hex, String curve, java.util.function.Function<List<String>, ?> verifier) {
        try {
            HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return "is not hexadecimal";
        }
        try {
            verifier.apply(List.of(hex));
            return null;
        } catch (IllegalArgumentException e) {
            return "is not a public key on " + curve + " (uncompressed: 04, X, Y)";
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
