package com.tagline.station.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.KeyFileException;
import com.tagline.hardware.keys.MasterKeySet;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import com.tagline.hardware.tag.ChipProtocol;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code station sun-verify}: checks a scanned SUN URL offline and prints one JSON object.
 * Exit 0 valid, 1 not valid, 2 bad input (message on stderr). {@code --protocol ntag_424_dna} (default)
 * takes {@code --key} or {@code --meta-key}/{@code --file-key} and the PICC/MAC/ENC parameter names;
 * {@code --protocol ntag_223_dna} takes {@code --key} (the SUNCMAC_KEY) and {@code --sun-param}
 * ({@link Ntag223SunVerification}). Instead of a chip's key, {@code --keys FILE} takes the station's master key
 * file and derives the chip's ({@link StationKeySunVerification}); no key is ever printed.
 */
@Command(name = "sun-verify", mixinStandardHelpOptions = true,
        description = "Verify a scanned SUN URL; prints {valid, uid, counter[, data | tamper]}. Exit 0 valid, 1 invalid,"
                + " 2 bad input.")
final class SunVerifyCommand implements Callable<Integer> {
    static final int VALID = 0;
    static final int INVALID = 1;
    static final int BAD_INPUT = 2;

    @Option(names = "--protocol", defaultValue = "ntag_424_dna", converter = ProtocolOption.class,
            description = "Chip protocol: ntag_424_dna or ntag_223_dna (default ${DEFAULT-VALUE}).")
    ChipProtocol protocol;

    @ArgGroup(exclusive = true, multiplicity = "1")
    KeyChoice keys;

    static final class KeyChoice {
        @Option(names = "--key", description = "One AES-128 key (hex) for both PICCData and the MAC.")
        String key;

        @Option(names = "--keys", paramLabel = "FILE", description = "The station's master key file (its format and"
                + " owner-only rule): the chip's SUN keys are diversified from its UID as the station's recipe does.")
        java.nio.file.Path keyFile;

        @ArgGroup(exclusive = false)
        SplitKeys split;
    }

    static final class SplitKeys {
        @Option(names = "--meta-key", required = true, description = "SDM meta-read key (hex) for PICCData.")
        String metaKey;

        @Option(names = "--file-key", required = true, description = "SDM file-read key (hex) for MAC and ENC data.")
        String fileKey;
    }

    @Option(names = "--picc-param", description = "PICCData parameter name (auto: picc_data, e, p).")
    String piccParam;

    @Option(names = "--mac-param", description = "MAC parameter name (auto: cmac, c).")
    String macParam;

    @Option(names = "--enc-param", description = "ENC data parameter name (auto: enc).")
    String encParam;

    @Option(names = "--uid", paramLabel = "HEX", description = "With --keys, ntag_424_dna: the chip's UID (14 hex"
            + " digits) when the URL mirrors it only inside encrypted PICCData, as the station's default template does.")
    String uid;

    @Option(names = "--sun-param",
            description = "ntag_223_dna: SUN message parameter name (auto: the first query value shaped like one).")
    String sunParam;

    @Parameters(index = "0", paramLabel = "URL", description = "The scanned URL.")
    String url;

    @Override
    public Integer call() throws Exception {
        if (keys.keyFile != null) {
            return withStationKeys();
        }
        if (uid != null) {
            System.err.println("sun-verify: --uid goes with --keys");
            return BAD_INPUT;
        }
        if (protocol == ChipProtocol.NTAG_223_DNA) {
            return ntag223();
        }
        if (sunParam != null) {
            System.err.println("sun-verify: --sun-param applies to --protocol ntag_223_dna only");
            return BAD_INPUT;
        }
        SunResult result;
        try {
            byte[] meta = key(keys.key != null ? keys.key : keys.split.metaKey, keys.key != null ? "--key" : "--meta-key");
            byte[] file = key(keys.key != null ? keys.key : keys.split.fileKey, keys.key != null ? "--key" : "--file-key");
            result = SunVerifier.verify(url, meta, file, new SunVerifier.Names(piccParam, macParam, encParam));
        } catch (IllegalArgumentException e) {
            System.err.println("sun-verify: " + e.getMessage());
            return BAD_INPUT;
        }
        System.out.println(toJson(result));
        return result.valid() ? VALID : INVALID;
    }

    private int ntag223() {
        SunMessageResult result;
        try {
            if (keys.key == null || piccParam != null || macParam != null || encParam != null) {
                throw new IllegalArgumentException("--protocol ntag_223_dna takes --key (the SUNCMAC_KEY) and"
                        + " --sun-param only");
            }
            result = Ntag223SunVerification.verify(url, key(keys.key, "--key"), sunParam);
        } catch (IllegalArgumentException e) {
            System.err.println("sun-verify: " + e.getMessage());
            return BAD_INPUT;
        }
        System.out.println(Ntag223SunVerification.toJson(result));
        return result.valid() ? VALID : INVALID;
    }

    /** {@code --keys FILE}: see {@link StationKeySunVerification}. The key file's problems are bad input. */
    private int withStationKeys() throws Exception {
        String json;
        boolean valid;
        try {
            MasterKeySet master = KeyFile.load(keys.keyFile);
            if (protocol == ChipProtocol.NTAG_223_DNA) {
                if (uid != null || piccParam != null || macParam != null || encParam != null) {
                    throw new IllegalArgumentException("--protocol ntag_223_dna takes --sun-param only: the SUN message"
                            + " carries the UID");
                }
                SunMessageResult r = StationKeySunVerification.ntag223(url, master, sunParam);
                json = Ntag223SunVerification.toJson(r);
                valid = r.valid();
            } else {
                if (sunParam != null) {
                    throw new IllegalArgumentException("--sun-param applies to --protocol ntag_223_dna only");
                }
                SunResult r = StationKeySunVerification.ntag424(url, master,
                        Optional.ofNullable(uid).map(u -> StationKeySunVerification.uid(u, "--uid")),
                        new SunVerifier.Names(piccParam, macParam, encParam));
                json = toJson(r);
                valid = r.valid();
            }
        } catch (KeyFileException | IllegalArgumentException e) {
            System.err.println("sun-verify: " + e.getMessage());
            return BAD_INPUT;
        }
        System.out.println(json);
        return valid ? VALID : INVALID;
    }

    private static byte[] key(String hex, String option) {
        if (hex.length() != 32) {
            throw new IllegalArgumentException(option + " must be 32 hex characters (AES-128), got " + hex.length());
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " is not hexadecimal");
        }
    }

    static String toJson(SunResult r) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode o = mapper.createObjectNode();
        o.put("valid", r.valid());
        o.put("uid", r.uidHex());
        if (r.counter() == null) {
            o.putNull("counter");
        } else {
            o.put("counter", r.counter());
        }
        if (r.data() != null) {
            o.put("data", r.data());
        }
        if (!r.valid() && r.reason() != null) {
            o.put("reason", r.reason());
        }
        return mapper.writeValueAsString(o);
    }
}
