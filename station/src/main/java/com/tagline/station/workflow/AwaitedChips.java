package com.tagline.station.workflow;

import com.tagline.station.store.HeldTag;
import com.tagline.station.store.StoreAccess;
import com.tagline.station.sync.Alarm;
import com.tagline.station.sync.Alarms;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chips the station waits for (architecture §5): chips that took a tag and did not finish it. The
 * {@link Alarm#CHIP_AWAITED} alarm names them while there are any, and each newly awaited chip is logged
 * once, with what the operator can do.
 *
 * <p>Threading: the reader's thread, like the encoder.
 */
final class AwaitedChips {
    private static final Logger log = LoggerFactory.getLogger(AwaitedChips.class);
    private final StoreAccess store;
    private final Alarms alarms;
    private List<HeldTag> last = List.of();

    AwaitedChips(StoreAccess store, Alarms alarms) {
        this.store = store;
        this.alarms = alarms;
    }

    /** Reads the held tags, raises or clears the alarm, logs chips newly awaited; returns the held tags. */
    List<HeldTag> refresh() {
        List<HeldTag> held = store.call(s -> s.holds().held());
        for (HeldTag h : held) {
            if (last.stream().noneMatch(l -> l.tagId().equals(h.tagId()) && l.chipUid().equals(h.chipUid()))) {
                log.warn("event=chip_awaited uid={} tag={} action=\"put chip {} back on the antenna to finish tag {},"
                        + " or scrap it\"", h.chipUid(), h.tagId(), h.chipUid(), h.tagId());
            }
        }
        last = held;
        if (held.isEmpty()) {
            alarms.clear(Alarm.CHIP_AWAITED);
        } else {
            alarms.raise(Alarm.CHIP_AWAITED, held.stream().map(h -> "chip " + h.chipUid() + " (tag " + h.tagId() + ")")
                    .collect(Collectors.joining(", ")) + " took a tag and did not finish it: put it back on the"
                    + " antenna, or scrap it (it must not ship)");
        }
        return held;
    }
}
