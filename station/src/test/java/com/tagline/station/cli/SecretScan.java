package com.tagline.station.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tagline.hardware.keys.KeyFile;
import com.tagline.hardware.keys.MasterKeySet;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.WebDriver;

/**
 * Searches everything the operator console gives out (the page as the browser holds it, its assets,
 * {@code /api/status}, an event of {@code /api/events}, {@code /metrics}, {@code /healthz}, {@code /readyz})
 * for secrets (issue 14, architecture §6): the operator token, the simulated platform's API key (every
 * one starts {@code sk_sim_}), the master keys of the key file, and every diversified chip key of the
 * chips the console names, in either hex case.
 */
final class SecretScan {
    private SecretScan() {
    }

    static Map<String, String> everything(HttpClient http, String url, WebDriver browser) throws Exception {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("page in the browser", browser.getPageSource());
        for (String path : List.of("", "console.js", "console.css", "api/status", "metrics", "healthz", "readyz")) {
            texts.put("/" + path, http.send(HttpRequest.newBuilder(URI.create(url + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        texts.put("an event of /api/events", firstEvent(http, url));
        return texts;
    }

    private static String firstEvent(HttpClient http, String url) throws Exception {
        HttpResponse<java.io.InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url + "api/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("data: ")) {
                    return line;
                }
            }
        }
        throw new AssertionError("no event came");
    }

    static void assertClean(Map<String, String> texts, Path keyFile, String operatorToken) throws Exception {
        List<String> secrets = new ArrayList<>(List.of(operatorToken, "sk_sim_"));
        Matcher m = Pattern.compile("(?m)^key\\d:\\s*([0-9A-Fa-f]{32})").matcher(Files.readString(keyFile));
        while (m.find()) {
            secrets.add(m.group(1));
        }
        assertTrue(secrets.size() == 2 + MasterKeySet.KEY_COUNT, "the key file's keys were read: " + secrets.size());
        MasterKeySet keys = KeyFile.load(keyFile);
        JsonNode status = new ObjectMapper().readTree(texts.get("/api/status"));
        int chips = 0;
        for (JsonNode chip : status.get("last_chips")) {
            if (chip.hasNonNull("uid")) {
                var chipKeys = keys.diversify(HexFormat.of().parseHex(chip.get("uid").asText()));
                for (int n = 0; n < MasterKeySet.KEY_COUNT; n++) {
                    secrets.add(HexFormat.of().formatHex(chipKeys.key(n)));
                }
                chips++;
            }
        }
        assertTrue(chips > 0, "chips to derive keys for");
        for (Map.Entry<String, String> t : texts.entrySet()) {
            String text = t.getValue().toLowerCase(Locale.ROOT);
            assertFalse(text.isBlank(), t.getKey() + " is empty");
            for (String secret : secrets) {
                assertFalse(text.contains(secret.toLowerCase(Locale.ROOT)), t.getKey() + " carries a secret");
            }
        }
    }
}
