package com.tagline.simulator.pn532;

import com.tagline.hardware.tag.BitRate;
import java.util.Optional;

/**
 * InPSL (UM0701-02 §7.3.7): {@code Tg BRit BRti} → Status. For an ISO-DEP target the firmware sends PPS
 * (ISO/IEC 14443-4 §5.3) with DRI = BRit and DSI = BRti at 106 kbit/s ({@link RfField#pps}); the chip's
 * ISO-DEP layer ({@link IsoDepPicc}) takes it as it takes a host's raw PPS block: only as the first block after
 * the ATS, and only for rates its ATS allows ({@link com.tagline.simulator.field.FieldChip#acceptsPps}). When the
 * chip confirms, later exchanges with the target run at the new rate until it is activated again; a chip that
 * does not confirm stays mute: status 01, both sides keep their rate. The PN532 drives 106, 212 and 424 kbit/s
 * (BR 00..02; libnfc {@code pn532_iso14443a_supported_baud_rates}), so 03 (848 kbit/s, PN533) is an invalid
 * parameter. Other targets than ISO-DEP ones are not acceptable here [inferred]: this emulator has no DEP
 * targets.
 *
 * <p>Threading: emulator thread only.
 */
final class PslCommand {
    static final int IN_PSL = 0x4E;
    private static final int HIGHEST_PN532_RATE = BitRate.KBPS_424.code();

    private final FirmwareSettings settings;
    private final RfField field;
    private final HsuPort port;
    private final Meter meter;

    PslCommand(FirmwareSettings settings, RfField field, HsuPort port, Meter meter) {
        this.settings = settings;
        this.field = field;
        this.port = port;
        this.meter = meter;
    }

    Reply inPsl(byte[] p) {
        if (p.length != 3) {
            return Reply.syntaxError();
        }
        if ((p[1] & 0xFF) > HIGHEST_PN532_RATE || (p[2] & 0xFF) > HIGHEST_PN532_RATE) {
            return status(RfStatus.INVALID_PARAMETER);
        }
        Optional<ListedTarget> found = field.target(p[0]);
        if (found.isEmpty() || !found.get().isoDep()) {
            return status(RfStatus.NOT_ACCEPTABLE);
        }
        ListedTarget target = found.get();
        if (target.deselected() || !field.wake(target)) {
            return status(RfStatus.TIMEOUT);
        }
        port.await(meter.rfExchange(RfExchange.pps(target)));
        field.reconcile();
        if (target.lost() || !field.pps(target, BitRate.ofCode(p[1]), BitRate.ofCode(p[2]))) {
            return status(RfStatus.TIMEOUT);
        }
        return status(RfStatus.OK);
    }

    private Reply status(RfStatus status) {
        settings.lastError = status.code();
        return Reply.status(IN_PSL, status);
    }
}
