package com.tagline.station.workflow;

import com.tagline.hardware.tag.TagLink;
import com.tagline.station.personalize.PersonalizationResult;
import com.tagline.station.personalize.StepListener;

/**
 * The personalization recipe of one chip kind ({@code Ntag424Personalizer::personalize},
 * {@code Ntag223Personalizer::personalize}): inspect, write, lock, verify, resume.
 */
@FunctionalInterface
public interface ChipRecipe {
    PersonalizationResult personalize(TagLink link, String tagUrl, StepListener listener);
}
