package com.tagline.station.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tagline.hardware.ntag223.sun.SunMessageResult;
import com.tagline.hardware.ntag424.sdm.SunResult;
import com.tagline.hardware.ntag424.sdm.SunVerifier;
import com.tagline.hardware.tag.ChipProtocol;
import java.util.HexFormat;
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
 * ({@link Ntag223SunVerification}).
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

    @Option(names = "--sun-param",
            description = "ntag_223_dna: SUN message parameter name (auto: the first query value shaped like one).")
    String sunParam;

    @Parameters(index = "0", paramLabel = "URL", description = "The scanned URL.")
    String url;

    @Override
    public Integer call() throws Exception {
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
