package com.tagline.station.personalize;

/**
 * Why a chip ended as it did (architecture §4): data stored with the result, not an exception
 * string. {@link #code()} is the platform's reason vocabulary.
 */
public enum Reason {
    CONFIGURED("configured"),
    NOT_BLANK("not_blank"),
    AUTH_FAILED("auth_failed"),
    VERIFY_MISMATCH("verify_mismatch"),
    TAG_LOST("tag_lost"),
    WRONG_CHIP("wrong_chip"),
    URL_TOO_LONG("url_too_long"),
    COUNTERFEIT("counterfeit"),
    CHIP_ERROR("chip_error"),
    /** The attempt was stopped (e-stop, shutdown, crash) before it could end; never configured. */
    INTERRUPTED("interrupted"),
    /** No leased tag was available for the chip's protocol: the chip was not touched. */
    NO_JOB("no_job");

    private final String code;

    Reason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
