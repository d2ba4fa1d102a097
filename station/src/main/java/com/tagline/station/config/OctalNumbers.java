package com.tagline.station.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole numbers written with a leading zero. The YAML 1.1 int type (yaml.org/type/int.html), which the parser
 * follows, reads {@code 017} as octal 15: a pin map aligned with zeros ({@code bcm: 017}) would drive the wrong
 * pin, {@code watchdog_ms: 020} poll every 16 ms, and nothing would say so. Hex ({@code 0x1F}) is written on
 * purpose and stays allowed.
 */
final class OctalNumbers {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private OctalNumbers() {
    }

    /** One problem per such number, by line and column; the text must already be valid YAML. */
    static List<String> find(String yaml) throws IOException {
        List<String> problems = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(yaml)) {
            for (JsonToken t; (t = p.nextToken()) != null; ) {
                if (t == JsonToken.VALUE_NUMBER_INT && p.getText().matches("[-+]?0[0-7_]+")) {
                    var at = p.currentTokenLocation();
                    problems.add("line " + at.getLineNr() + ", column " + at.getColumnNr() + ": '" + p.getText()
                            + "' would be read as octal " + p.getNumberValue()
                            + "; write the number without a leading 0");
                }
            }
        }
        return problems;
    }
}
