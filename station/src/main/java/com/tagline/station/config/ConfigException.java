package com.tagline.station.config;

import com.tagline.hardware.TaglineException;
import java.util.List;

/**
 * The station configuration is not usable. Carries every problem found, each naming the field by
 * its path (e.g. {@code platform.base_url}) and what is wrong; never a secret's value.
 */
public class ConfigException extends TaglineException {
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
