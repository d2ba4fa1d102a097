package com.tagline.simulator.pn532;

import com.tagline.simulator.field.FieldChip;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Target activation and deactivation (UM0701-02 §7.3.5 InListPassiveTarget, §7.3.10 InDeselect, §7.3.11
 * InRelease, §7.3.12 InSelect, §7.3.13 InAutoPoll) for 106 kbps type A chips; the other modulations find
 * nothing because no such chips exist here.
 *
 * <p>Threading: emulator thread only.
 */
final class ListingCommands {
    static final int IN_LIST_PASSIVE_TARGET = 0x4A;
    static final int IN_DESELECT = 0x44;
    static final int IN_RELEASE = 0x52;
    static final int IN_SELECT = 0x54;
    static final int IN_AUTO_POLL = 0x60;

    private static final int MAX_TARGETS = 2;
    private static final int BRTY_106_TYPE_A = 0x00;
    private static final int BRTY_JEWEL = 0x04;
    private static final int CASCADE_TAG = 0x88;
    /** InAutoPoll target types (UM0701-02 §7.3.13): generic 106 kbps passive, MIFARE, ISO 14443-4 A. */
    private static final int TYPE_GENERIC_106 = 0x00;
    private static final int TYPE_MIFARE = 0x10;
    private static final int TYPE_ISO14443_4A = 0x20;
    private static final int POLL_FOREVER = 0xFF;
    private static final Duration POLL_PERIOD_UNIT = Duration.ofMillis(150);
    /** How often a listing with infinite retries looks at the field again. */
    private static final Duration RETRY_PERIOD = Duration.ofMillis(20);

    private final FirmwareSettings settings;
    private final Pn532Registers registers;
    private final RfField field;
    private final HsuPort port;
    private final Meter meter;

    ListingCommands(FirmwareSettings settings, Pn532Registers registers, RfField field, HsuPort port, Meter meter) {
        this.settings = settings;
        this.registers = registers;
        this.field = field;
        this.port = port;
        this.meter = meter;
    }

    /**
     * MaxTg BrTy [InitiatorData] → NbTg [Tg SENS_RES(2) SEL_RES NFCIDLength NFCID1 [ATS]]…. REQA wakes IDLE
     * chips only, so halted chips are not listed until the field is reset. With MxRtyPassiveActivation FF
     * the command waits for a chip (a host ACK or a new command aborts it).
     */
    Reply inListPassiveTarget(byte[] p) {
        if (p.length < 2 || p[0] < 1 || p[0] > MAX_TARGETS || (p[1] & 0xFF) > BRTY_JEWEL) {
            return Reply.syntaxError();
        }
        if (p[1] != BRTY_106_TYPE_A) {
            return Reply.to(IN_LIST_PASSIVE_TARGET, (byte) 0);
        }
        Optional<byte[]> uid = Optional.empty();
        if (p.length > 2) {
            uid = initiatorUid(Arrays.copyOfRange(p, 2, p.length));
            if (uid.isEmpty()) {
                return Reply.syntaxError();
            }
        }
        registers.configureFor106TypeA();
        field.switchOn();
        field.clearTable();
        List<ListedTarget> found = activate(p[0], uid);
        while (found.isEmpty() && settings.maxRetryPassiveActivation == FirmwareSettings.INFINITE) {
            port.await(RETRY_PERIOD);
            found = activate(p[0], uid);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(found.size());
        found.forEach(t -> out.writeBytes(targetData(t)));
        return Reply.to(IN_LIST_PASSIVE_TARGET, out.toByteArray());
    }

    /** PollNr Period Type1..TypeN → NbTg [Type Len TargetData]…; polls every Period × 150 ms. */
    Reply inAutoPoll(byte[] p) {
        if (p.length < 3 || p.length > 17 || p[0] == 0 || p[1] < 1 || p[1] > 0x0F) {
            return Reply.syntaxError();
        }
        int[] types = new int[p.length - 2];
        for (int i = 0; i < types.length; i++) {
            types[i] = p[i + 2] & 0xFF;
        }
        field.switchOn();
        field.clearTable();
        for (int round = 0; (p[0] & 0xFF) == POLL_FOREVER || round < (p[0] & 0xFF); round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int count = pollOnce(types, out);
            if (count > 0) {
                byte[] body = out.toByteArray();
                byte[] reply = new byte[body.length + 1];
                reply[0] = (byte) count;
                System.arraycopy(body, 0, reply, 1, body.length);
                return Reply.to(IN_AUTO_POLL, reply);
            }
            port.await(POLL_PERIOD_UNIT.multipliedBy(p[1]));
        }
        return Reply.to(IN_AUTO_POLL, (byte) 0);
    }

    /** Tg (0 = all) → Status: S(DESELECT) or HLTA; the target stays in the table. */
    Reply inDeselect(byte[] p) {
        return forTargets(IN_DESELECT, p, field::halt);
    }

    /** Tg (0 = all) → Status: like InDeselect, and the target leaves the table. */
    Reply inRelease(byte[] p) {
        return forTargets(IN_RELEASE, p, field::release);
    }

    /** Tg → Status: WUPA, select (and RATS) of a deselected target. */
    Reply inSelect(byte[] p) {
        if (p.length != 1) {
            return Reply.syntaxError();
        }
        Optional<ListedTarget> t = field.target(p[0]);
        if (t.isEmpty()) {
            return Reply.status(IN_SELECT, RfStatus.NOT_ACCEPTABLE);
        }
        port.await(meter.rfExchange(RfExchange.activation(t.get().chip(), t.get().isoDep())));
        return Reply.status(IN_SELECT, field.wake(t.get()) ? RfStatus.OK : RfStatus.TIMEOUT);
    }

    private Reply forTargets(int command, byte[] p, Consumer<ListedTarget> action) {
        if (p.length != 1) {
            return Reply.syntaxError();
        }
        field.reconcile();
        List<ListedTarget> chosen = field.targets().stream().filter(t -> p[0] == 0 || t.tg() == p[0]).toList();
        if (p[0] != 0 && chosen.isEmpty()) {
            return Reply.status(command, RfStatus.NOT_ACCEPTABLE);
        }
        chosen.forEach(action);
        return Reply.status(command, RfStatus.OK);
    }

    /** Activates up to {@code maxTg} IDLE chips: anticollision, select, and RATS for ISO-DEP chips. */
    private List<ListedTarget> activate(int maxTg, Optional<byte[]> uid) {
        List<ListedTarget> found = new ArrayList<>();
        for (FieldChip chip : field.idleChips(uid)) {
            if (found.size() == maxTg) {
                break;
            }
            boolean rats = chip.isoDep() && settings.automaticRats();
            port.await(meter.rfExchange(RfExchange.activation(chip, rats)));
            field.reconcile();
            if (field.present(chip)) {
                found.add(field.activate(chip, found.size() + 1, rats));
            }
        }
        return found;
    }

    /** One poll over the requested types; appends Type Len TargetData per target found. */
    private int pollOnce(int[] types, ByteArrayOutputStream out) {
        int count = 0;
        for (FieldChip chip : field.idleChips(Optional.empty())) {
            Optional<Integer> type = Arrays.stream(types).filter(t -> matches(t, chip)).boxed().findFirst();
            if (count == MAX_TARGETS || type.isEmpty()) {
                continue;
            }
            boolean isoDep = type.get() == TYPE_ISO14443_4A
                    || (type.get() == TYPE_GENERIC_106 && chip.isoDep() && settings.automaticRats());
            port.await(meter.rfExchange(RfExchange.activation(chip, isoDep)));
            byte[] data = targetData(field.activate(chip, ++count, isoDep));
            out.write(type.get());
            out.write(data.length);
            out.writeBytes(data);
        }
        return count;
    }

    private static boolean matches(int type, FieldChip chip) {
        return type == TYPE_GENERIC_106 || type == TYPE_MIFARE || (type == TYPE_ISO14443_4A && chip.isoDep());
    }

    /** Tg SENS_RES(2, as PN532 reports it: MSB first) SEL_RES NFCIDLength NFCID1 [ATS incl. TL]. */
    private static byte[] targetData(ListedTarget t) {
        FieldChip chip = t.chip();
        byte[] uid = chip.uid();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(t.tg());
        out.write(chip.atqa() >> 8);
        out.write(chip.atqa());
        out.write(chip.sak());
        out.write(uid.length);
        out.writeBytes(uid);
        if (t.isoDep()) {
            out.writeBytes(chip.ats());
        }
        return out.toByteArray();
    }

    /** InitiatorData of a type A listing: the UID, 7- and 10-byte UIDs cascaded with CT 88 (nfcpy sense_tta). */
    private static Optional<byte[]> initiatorUid(byte[] data) {
        return switch (data.length) {
            case 4 -> Optional.of(data);
            case 8 -> (data[0] & 0xFF) == CASCADE_TAG ? Optional.of(Arrays.copyOfRange(data, 1, 8)) : Optional.empty();
            case 12 -> (data[0] & 0xFF) == CASCADE_TAG && (data[4] & 0xFF) == CASCADE_TAG
                    ? Optional.of(concat(Arrays.copyOfRange(data, 1, 4), Arrays.copyOfRange(data, 5, 12)))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
