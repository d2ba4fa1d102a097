package com.tagline.station.personalize;

import java.util.List;

/**
 * The outcome of one chip: reason and human-readable detail, the UID (null when never read), what
 * inspection found, the steps that ran, and the SUN URL the chip produced at verification.
 */
public record PersonalizationResult(Reason reason, String detail, String uidHex, ChipState initialState,
        List<Step> stepsRun, String verifiedUrl) {
    public PersonalizationResult {
        stepsRun = List.copyOf(stepsRun);
    }

    public boolean configured() {
        return reason == Reason.CONFIGURED;
    }
}
