package com.tagline.station.personalize;

/**
 * Told before each step runs, so the caller can commit its intent first (architecture §5). An
 * exception thrown here aborts the personalization before the step touches the chip.
 */
@FunctionalInterface
public interface StepListener {
    StepListener NONE = (step, uid) -> { };

    void beforeStep(Step step, String uidHex);
}
