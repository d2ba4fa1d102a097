package com.tagline.station.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.tagbase.TagbaseEmulator;
import com.tagline.simulator.platform.tagbase.TagbaseEmulatorConfig;
import com.tagline.simulator.platform.tagbase.TagbaseState;
import com.tagline.station.platform.PlatformUnreachableException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The tagbase emulator a sync benchmark drains into: started in this JVM, or already running in another
 * process ({@code simulator.jar platform --seed-tags N}), so that this process's memory is the station's
 * alone.
 */
public interface BenchPlatform extends AutoCloseable {
    String baseUrl();

    /** The account's API key (never printed). */
    String apiKey();

    /**
     * Makes {@code n} pending tags available to lease (in this JVM), or checks that they are (another process).
     *
     * @throws NotReady when another process's emulator does not hold them
     * @throws com.tagline.station.platform.PlatformUnreachableException when it does not answer
     */
    void seed(int n);

    /** What {@link #seed} says it does, for the progress line. */
    default String seeding(int n) {
        return inProcess() ? "seeding " + n + " tags in the emulator at " + baseUrl()
                : "checking that the emulator at " + baseUrl() + " has " + n + " pending tags to lease";
    }

    /** The emulator of another process is not set up for the benchmark; the message says how to start it. */
    final class NotReady extends RuntimeException {
        NotReady(String message) {
            super(message);
        }
    }

    /** What {@code GET /_emulator/state} shows now. */
    TagbaseState state();

    /** Whether the emulator's memory is this process's (its ledger of the backlog counts in the figures). */
    boolean inProcess();

    @Override
    void close();

    /** A fresh emulator in this JVM on a loopback port, with a random key. */
    static BenchPlatform inThisJvm() {
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String apiKey = "sk_bench_" + HexFormat.of().formatHex(key);
        TagbaseEmulator emulator = TagbaseEmulator.start(TagbaseEmulatorConfig.forApiKey(apiKey).withPort(0));
        return new BenchPlatform() {
            public String baseUrl() {
                return emulator.baseUrl();
            }

            public String apiKey() {
                return apiKey;
            }

            public void seed(int n) {
                emulator.seedTags(apiKey, n, ChipProtocol.NTAG_424_DNA, "https://tags.example.com/t");
            }

            public TagbaseState state() {
                return emulator.state();
            }

            public boolean inProcess() {
                return true;
            }

            public void close() {
                emulator.close();
            }
        };
    }

    /** An emulator another process serves at {@code baseUrl}, seeded with pending NTAG 424 DNA tags. */
    static BenchPlatform external(URI baseUrl, String apiKey) {
        return new BenchPlatform() {
            public String baseUrl() {
                return baseUrl.toString();
            }

            public String apiKey() {
                return apiKey;
            }

            public void seed(int n) {
                long pending = state().tags("created");
                if (pending < n) {
                    throw new NotReady("the emulator at " + baseUrl + " has " + pending + " pending tags to lease,"
                            + " not " + n + ": start it with --seed-tags " + n + " --protocol ntag_424_dna, or ask for"
                            + " --backlog " + pending);
                }
            }

            public TagbaseState state() {
                try {
                    HttpURLConnection c = (HttpURLConnection) baseUrl.resolve("/_emulator/state").toURL().openConnection();
                    c.setConnectTimeout(5_000);
                    c.setReadTimeout(30_000);
                    try (InputStream in = c.getInputStream()) {
                        return TagbaseState.fromJson(new ObjectMapper().readTree(in));
                    } finally {
                        c.disconnect();
                    }
                } catch (IOException e) {
                    throw new PlatformUnreachableException("GET " + baseUrl + "/_emulator/state: "
                            + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
                } catch (RuntimeException e) {
                    throw new NotReady("GET " + baseUrl + "/_emulator/state did not answer as the tagbase emulator"
                            + " does (" + e.getClass().getSimpleName() + "): is it simulator.jar platform?");
                }
            }

            public boolean inProcess() {
                return false;
            }

            public void close() {
            }
        };
    }
}
