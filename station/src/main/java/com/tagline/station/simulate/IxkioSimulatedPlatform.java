package com.tagline.station.simulate;

import com.tagline.hardware.csv.CsvOutput;
import com.tagline.hardware.keys.ChipKeys;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.tag.ChipProtocol;
import com.tagline.simulator.platform.EmulatorFaults;
import com.tagline.simulator.platform.FaultSettings;
import com.tagline.simulator.platform.ixkio.IxkioAccount;
import com.tagline.simulator.platform.ixkio.IxkioEmulator;
import com.tagline.simulator.platform.ixkio.TagCode;
import com.tagline.simulator.platform.ixkio.TagCodeSeed;
import com.tagline.station.config.StationConfig;
import com.tagline.station.ixkio.ConfiguredAssociations;
import com.tagline.station.run.Recipes;
import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.store.StoreAccess;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The ixkio emulator as a simulation's platform: {@link #seed} creates one tag code per chip of the
 * batch; {@link #manifest} starts the emulator on a free loopback port (a fresh random API key) and writes
 * an encoding manifest built from those tag codes (with some optional fields), which the station imports
 * at start as {@code platform.manifest} — the code of {@code station import-manifest}. ixkio has no
 * verification endpoint, so a phone's scan is verified locally with the chip's keys derived from the
 * master keys. The outage is the emulator's own fault control.
 */
final class IxkioSimulatedPlatform implements SimulatedPlatform {
    static final String MANIFEST_NAME = "simulated-manifest.csv";
    private static final List<String> MANIFEST_COLUMNS = List.of("xuid", "url", "protocol", "cuid", "ix_dr",
            "nft_chain", "nft_contract", "nft_token", "nft_owner");

    private final MasterKeySet keys;
    private final long seed;
    private final String apiKey;
    private final List<TagCodeSeed> tagCodes = new ArrayList<>();
    private final List<String[]> manifest = new ArrayList<>();
    private IxkioEmulator emulator;
    private boolean offline;

    IxkioSimulatedPlatform(MasterKeySet keys, long seed) {
        this.keys = keys;
        this.seed = seed;
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        this.apiKey = "ix_sim_" + HexFormat.of().formatHex(key);
    }

    @Override
    public StationConfig.PlatformKind kind() {
        return StationConfig.PlatformKind.IXKIO;
    }

    @Override
    public URI baseUrl() {
        return URI.create(running().baseUrl());
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    /** Tag codes {@code X<protocol initial>-0001...} and their manifest rows; every few rows an optional field. */
    @Override
    public void seed(ChipProtocol protocol, int count, String urlBase) {
        if (emulator != null) {
            throw new IllegalStateException("seed before the manifest is written");
        }
        String prefix = protocol == ChipProtocol.NTAG_223_DNA ? "X223-" : "X424-";
        for (int i = 1; i <= count; i++) {
            String xuid = prefix + String.format(Locale.ROOT, "%04d", i);
            tagCodes.add(new TagCodeSeed(xuid, "C" + xuid, "", "https://group.example/default"));
            String dr = i % 3 == 0 ? "https://brand.example/p/" + xuid : "";
            boolean nft = i % 4 == 1;
            manifest.add(new String[] {xuid, urlBase + xuid, protocol.code(), "C" + xuid, dr,
                nft ? "polygon_test" : "", nft ? "0xC0FFEE" : "", nft ? String.valueOf(i) : "",
                i % 5 == 2 ? "0xOwner" + i : ""});
        }
    }

    /** Starts the emulator with the seeded tag codes and writes their manifest into {@code dir}. */
    @Override
    public Optional<Path> manifest(Path dir) {
        if (emulator != null) {
            throw new IllegalStateException("the simulated manifest is written once");
        }
        emulator = IxkioEmulator.start(new IxkioAccount(IxkioEmulator.DEFAULT_AID, tagCodes, Clock.systemUTC()), apiKey,
                new EmulatorFaults(seed), 0);
        Path file = dir.resolve(MANIFEST_NAME);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CsvOutput csv = new CsvOutput(out, MANIFEST_COLUMNS)) {
            manifest.forEach(csv::row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulated manifest " + file + ": " + e.getMessage(), e);
        }
        return Optional.of(file);
    }

    @Override
    public boolean verify(ConfiguredChip chip, String url) {
        ChipKeys chipKeys = keys.diversify(HexFormat.of().parseHex(chip.chipUid()));
        if (chip.protocol() == ChipProtocol.NTAG_223_DNA) {
            return PhoneScan.verifyNtag223(url, chipKeys).valid();
        }
        return PhoneScan.verify(url, chipKeys, Recipes.META_READ_KEY, Recipes.FILE_READ_KEY).valid();
    }

    @Override
    public boolean verifiedByPlatform() {
        return false;
    }

    @Override
    public void outage(boolean on) {
        if (emulator != null && on != offline) {
            emulator.faults().set(on ? new FaultSettings(true, 0, 0, 0) : FaultSettings.NONE);
            offline = on;
        }
    }

    /** Tag codes Active and Assigned. */
    @Override
    public PlatformTotals totals() {
        int n = (int) running().account().tagCodes().stream().filter(c -> c.active() && c.assigned()).count();
        return new PlatformTotals(n, 0);
    }

    /**
     * The store's association export ({@link ConfiguredAssociations}, the code of {@code export-associations})
     * against the configured chips and the emulator: mismatched counts export rows that are not exactly the
     * configured chips' XUID and uppercase UID, and configured chips whose tag code is not Active and Assigned.
     */
    @Override
    public Optional<BatchSummary.Associations> associations(StoreAccess store) {
        StringWriter out = new StringWriter();
        int exported = ConfiguredAssociations.export(store, out);
        List<ConfiguredChip> configured = store.call(s -> s.configuredChips());
        Set<String> expected = new HashSet<>();
        configured.forEach(c -> expected.add(c.tagId() + "," + c.chipUid().toUpperCase(Locale.ROOT)));
        List<String> lines = out.toString().lines().toList();
        int mismatched = lines.isEmpty() || !lines.get(0).equals("xuid,uid") ? 1 : 0;
        Set<String> rows = new HashSet<>(lines.subList(Math.min(1, lines.size()), lines.size()));
        mismatched += (int) rows.stream().filter(r -> !expected.contains(r)).count();
        mismatched += (int) expected.stream().filter(r -> !rows.contains(r)).count();
        for (ConfiguredChip c : configured) {
            Optional<TagCode> code = running().account().tagCode(c.tagId());
            if (code.isEmpty() || !code.get().active() || !code.get().assigned() || code.get().assignedAt() == null) {
                mismatched++;
            }
        }
        return Optional.of(new BatchSummary.Associations(exported, mismatched));
    }

    private IxkioEmulator running() {
        if (emulator == null) {
            throw new IllegalStateException("the ixkio emulator starts when the manifest is written");
        }
        return emulator;
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
