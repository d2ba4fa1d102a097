package com.tagline.station.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platform.allow_insecure_http} and {@code platform.ca_file}: plain http only to loopback unless
 * allowed, a CA file that exists and goes with https; secrets also as systemd credentials.
 */
class PlatformSecurityConfigTest {
    @TempDir
    Path dir;

    /** A self-signed certificate (keytool -genkeypair -keyalg EC -dname "CN=tagline test CA"; public, no key). */
    private static final String CA_PEM = """
            -----BEGIN CERTIFICATE-----
            MIIBTTCB9KADAgECAgkAtHTy67SJjjkwCgYIKoZIzj0EAwIwGjEYMBYGA1UEAxMP
            dGFnbGluZSB0ZXN0IENBMCAXDTI2MTIwNzEzMTEwOFoYDzIxMjYxMTEzMTMxMTA4
            WjAaMRgwFgYDVQQDEw90YWdsaW5lIHRlc3QgQ0EwWTATBgcqhkjOPQIBBggqhkjO
            PQMBBwNCAATNrLN/7j8frRaAxydAfUV0sWdAQ3AYwoAK9B0KcZf51U2X9DDtVX7q
            3lqa2pRrHXz1Ip2HjmsdxzKtE85jM8YpoyEwHzAdBgNVHQ4EFgQUpI44X3PZ6nhb
            3nhHC55x49zbzaEwCgYIKoZIzj0EAwIDSAAwRQIgBd6yZARFprSy8f6zpEiVfisf
            2yQMMn4tvD+iBkabessCIQDH4qclsvdzDuDMbfUpyRO3vcIhbzOQ7KbiLSbEdiiP
            +g==
            -----END CERTIFICATE-----
            """;

    private Path write(String platform) throws IOException {
        return Files.writeString(dir.resolve("station.yaml"), "station: line-1\ndata_dir: data\nkeys: {file: keys.yaml}\n"
                + "platform: " + platform + "\nline: {mode: hand-fed}\n");
    }

    private List<String> problems(String platform) throws IOException {
        Path f = write(platform);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(f)).problems();
    }

    @Test
    void plainHttpToANetworkHostIsRefusedUnlessAllowed() throws IOException {
        List<String> p = problems("{base_url: \"http://tagbase.lan:8080\", api_key_env: K}");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("platform.base_url: plain http to tagbase.lan sends the API token in clear"), p.get(0));
        assertTrue(p.get(0).contains("platform.allow_insecure_http: true"), p.get(0));
        StationConfig c = ConfigLoader.load(write("{base_url: \"http://tagbase.lan:8080\", api_key_env: K,"
                + " allow_insecure_http: true}"));
        assertTrue(c.platform().security().allowInsecureHttp());
        for (String loopback : List.of("http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080",
                "http://127.8.9.10")) {
            assertFalse(ConfigLoader.load(write("{base_url: \"" + loopback + "\", api_key_env: K}")).platform()
                    .security().allowInsecureHttp(), loopback);
        }
        assertEquals(1, problems("{base_url: \"http://127.evil.example\", api_key_env: K}").size(),
                "a name that merely starts like a loopback address is not one");
        assertTrue(problems("{base_url: \"https://t.example\", api_key_env: K, allow_insecure_http: yes-please}").get(0)
                .startsWith("platform.allow_insecure_http: must be true or false"));
    }

    @Test
    void aCaFileMustExistAndGoesWithHttps() throws IOException {
        Path ca = Files.writeString(dir.resolve("private-ca.pem"), CA_PEM);
        StationConfig c = ConfigLoader.load(write("{base_url: \"https://tagbase.lan\", api_key_env: K,"
                + " ca_file: private-ca.pem}"));
        assertEquals(Optional.of(ca), c.platform().security().caFile());
        assertTrue(problems("{base_url: \"https://tagbase.lan\", api_key_env: K, ca_file: none.pem}").get(0)
                .matches("platform.ca_file: .*none.pem does not exist or is not readable"));
        assertEquals(List.of("platform.ca_file: only applies to an https base_url"),
                problems("{base_url: \"http://127.0.0.1\", api_key_env: K, ca_file: private-ca.pem}"));
    }

    @Test
    void aCaFileThatIsADirectoryOrHoldsNoPemCertificateIsRefused() throws IOException {
        // before: the configuration was valid, the station started, and every call failed as "no answer from the
        // platform (RuntimeException: Missing -----BEGIN CERTIFICATE----- delimiter)"
        Files.createDirectories(dir.resolve("ca.d"));
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve("torn.pem"), CA_PEM.substring(0, 120));
        Files.write(dir.resolve("ca.der"), java.util.Base64.getMimeDecoder().decode(CA_PEM.replaceAll("-----[A-Z ]+-----", "")));
        assertEquals(List.of("platform.ca_file: " + dir.resolve("ca.d") + " is a directory, not a PEM file"),
                problems("{base_url: \"https://tagbase.lan\", api_key_env: K, ca_file: ca.d}"));
        for (String f : List.of("key.pem", "torn.pem", "ca.der")) {
            List<String> p = problems("{base_url: \"https://tagbase.lan\", api_key_env: K, ca_file: " + f + "}");
            assertEquals(1, p.size(), p.toString());
            assertTrue(p.get(0).startsWith("platform.ca_file: " + dir.resolve(f) + " holds no PEM certificate"), p.get(0));
        }
    }

    @Test
    void aSecretFileIsReadFromTheCredentialsDirectoryWhenSystemdLoadedOneOfItsName() throws IOException {
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Path creds = Files.createDirectories(dir.resolve("credentials"));
        Path configured = etc.resolve("tagbase.token");
        Files.writeString(configured, "from-etc\n");
        Files.setPosixFilePermissions(configured, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Secret secret = new Secret(Optional.of(configured), Optional.empty());
        assertEquals("from-etc", secret.read("platform.api_key_file", Map.of()));
        assertEquals("from-etc", secret.read("platform.api_key_file", Map.of(Credentials.VARIABLE, creds.toString())),
                "no credential of that name: the configured file");
        Path credential = Files.writeString(creds.resolve("tagbase.token"), "from-systemd\n");
        Files.setPosixFilePermissions(credential, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
        assertEquals("from-systemd", secret.read("platform.api_key_file", Map.of(Credentials.VARIABLE, creds.toString())));
        assertEquals(credential, Credentials.resolve(configured, Map.of(Credentials.VARIABLE, creds.toString())));
    }

    /** The unit's {@code SetCredential=keys.yaml:\n} default when /etc/tagline has no such file: a blank credential. */
    @Test
    void aBlankCredentialIsNoneAndTheConfiguredFileIsRead() throws IOException {
        Path creds = Files.createDirectories(dir.resolve("credentials"));
        Path configured = dir.resolve("keys.yaml");
        StationConfig.Keys keys = new StationConfig.Keys(Optional.of(configured), Optional.empty());
        Map<String, String> env = Map.of(Credentials.VARIABLE, creds.toString());
        Files.writeString(creds.resolve("keys.yaml"), "\n");
        assertEquals(Optional.of(configured), keys.source(env));
        Files.writeString(creds.resolve("keys.yaml"), "version: 1\n");
        assertEquals(Optional.of(creds.resolve("keys.yaml")), keys.source(env));
        assertEquals(Optional.empty(), new StationConfig.Keys(Optional.empty(), Optional.of("TAGLINE_")).source(env));
    }
}
