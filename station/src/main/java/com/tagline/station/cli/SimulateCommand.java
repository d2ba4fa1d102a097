package com.tagline.station.cli;

import com.tagline.hardware.crypto.OriginalitySignature;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.Ntag223Originality;
import com.tagline.hardware.ntag223.sun.MirrorTemplate;
import com.tagline.hardware.ntag424.sdm.SunTemplate;
import com.tagline.hardware.keys.KeyFile;
import com.tagline.station.personalize.Ntag223Personalizer;
import com.tagline.station.personalize.Ntag223Recipe;
import com.tagline.station.personalize.Ntag424Personalizer;
import com.tagline.station.personalize.Ntag424Recipe;
import com.tagline.station.simulate.BatchProtocol;
import com.tagline.station.simulate.BatchRun;
import com.tagline.station.simulate.BatchSummary;
import com.tagline.station.simulate.SimulatedChips;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code station simulate}: personalizes simulated NTAG 424 DNA and/or NTAG 223 DNA chips end to end
 * with the real recipes and prints a summary. Exit 0 when every chip ended as expected and every configured chip
 * verified, 1 otherwise, 2 on bad options.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Personalize simulated chips end to end with the real recipe and print a summary.")
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--count", defaultValue = "20", description = "Chips to personalize (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--protocol", defaultValue = "ntag_424_dna",
            description = "Chips of the batch: ntag_424_dna, ntag_223_dna or mixed (default ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--defect-rate", defaultValue = "0.1",
            description = "Share of defective chips: counterfeit, foreign, leaving the field, torn (default ${DEFAULT-VALUE}).")
    double defectRate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated batch (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keys", description = "Master key file (default: a fresh random key set).")
    Path keyFile;

    @Option(names = "--sun-template", defaultValue = SunTemplate.DEFAULT_PARAMETERS,
            description = "NTAG 424 DNA SUN parameter template (default ${DEFAULT-VALUE}); NTAG 223 DNA chips use "
                    + MirrorTemplate.DEFAULT_PARAMETERS + ".")
    String sunTemplate;

    @Option(names = "--url-base", defaultValue = "https://tags.example.com/t/",
            description = "Tag URLs are this plus the tag id (default ${DEFAULT-VALUE}).")
    String urlBase;

    @Option(names = "--json", description = "Print the summary as one JSON object on stdout.")
    boolean json;

    @Option(names = "--hand-fed",
            description = "Present chips one by one at the antenna (bench mode) instead of on the simulated conveyor.")
    boolean handFed;

    @Override
    public Integer call() {
        if (count < 1) {
            System.err.println("simulate: --count must be at least 1");
            return 2;
        }
        MasterKeySet keys;
        SunTemplate template;
        SimulatedChips chips;
        BatchProtocol batchProtocol;
        try {
            batchProtocol = BatchProtocol.parse(protocol);
            keys = keyFile != null ? KeyFile.load(keyFile) : randomKeys();
            template = new SunTemplate(sunTemplate, 1, 2);
            chips = new SimulatedChips(seed, defectRate);
        } catch (IllegalArgumentException | com.tagline.hardware.keys.KeyFileException e) {
            System.err.println("simulate: " + e.getMessage());
            return 2;
        }
        OriginalitySignature trust = OriginalitySignature.ntag424(List.of(SimulatedChips.trustedTestKeyHex()));
        Ntag424Personalizer personalizer = new Ntag424Personalizer(Ntag424Recipe.of(keys, template, trust));
        Ntag223Personalizer personalizer223 = new Ntag223Personalizer(Ntag223Recipe.of(keys, MirrorTemplate.defaults(),
                Ntag223Originality.trust(List.of(SimulatedChips.trustedNtag223TestKeyHex()))));
        BatchRun batch = new BatchRun(personalizer, personalizer223, batchProtocol, keys, template, urlBase);
        BatchSummary summary = handFed ? batch.run(chips, count, BatchRun.progressTo(System.err, count))
                : batch.runOnLine(chips, count, BatchRun.progressTo(System.err, count));
        System.out.print(json ? summary.json(keys.version()) + System.lineSeparator() : summary.text());
        return summary.allAsExpected() ? 0 : 1;
    }

    private static MasterKeySet randomKeys() {
        SecureRandom random = new SecureRandom();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < MasterKeySet.KEY_COUNT; i++) {
            byte[] k = new byte[16];
            random.nextBytes(k);
            keys.add(k);
        }
        return new MasterKeySet(keys, 1, MasterKeySet.DEFAULT_SYSTEM_IDENTIFIER);
    }
}
