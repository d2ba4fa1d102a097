package com.tagline.station.ixkio;

import com.tagline.station.store.ConfiguredChip;
import com.tagline.station.store.StoreAccess;
import java.io.Writer;
import java.util.List;

/**
 * {@code station export-associations}: the store's configured chips (tag id = XUID, chip UID) as the
 * {@code xuid,uid} CSV of {@link AssociationExport}, oldest first.
 */
public final class ConfiguredAssociations {
    private ConfiguredAssociations() {
    }

    /** One association per configured chip, in the order they were configured. */
    public static List<AssociationExport.Association> of(List<ConfiguredChip> chips) {
        return chips.stream().map(c -> new AssociationExport.Association(c.tagId(), c.chipUid())).toList();
    }

    /**
     * Writes every configured chip's association to {@code out} (not closed).
     *
     * @return how many rows were written (the header not counted)
     */
    public static int export(StoreAccess store, Writer out) {
        List<AssociationExport.Association> rows = of(store.call(s -> s.configuredChips()));
        AssociationExport.write(rows, out);
        return rows.size();
    }
}
