package com.tagline.station.doctor;

import com.tagline.hardware.IoReason;
import com.tagline.hardware.TaglineException;
import com.tagline.hardware.pn532.FirmwareVersion;
import com.tagline.hardware.pn532.PassiveTarget;
import com.tagline.hardware.pn532.Pn532;
import com.tagline.hardware.pn532.Pn532Settings;
import com.tagline.hardware.pn532.Pn532Timeouts;
import com.tagline.hardware.serial.Sleeper;
import com.tagline.hardware.serial.JsscSerialLink;
import com.tagline.hardware.serial.SerialLink;
import com.tagline.hardware.serial.SerialLinkSpec;
import com.tagline.hardware.serial.TcpSerialLink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The reader: the serial device exists and the service user may open it ({@code serial}), a PN532
 * answers GetFirmwareVersion after the HSU wake-up and SAMConfiguration normal mode ({@code pn532},
 * UM0701-02 §7.2), and the chip at the antenna if there is one ({@code field}, InListPassiveTarget,
 * UM0701-02 §7.3.5). The baud rate stays at the PN532's power-on 115200: the doctor never switches it.
 */
final class ReaderChecks implements CheckGroup {
    /**
     * Longer waits than the driver's defaults (ACK 100 ms, pn532.md §4): the doctor asks once, perhaps on a
     * busy machine, and a slow answer is still an answer. A silent device still fails within about 2 s.
     */
    static final Pn532Settings SETTINGS = Pn532Settings.defaults().withTimeouts(new Pn532Timeouts(
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), Duration.ofMillis(10)));

    static final List<String> NAMES = List.of("serial", "pn532", "field");

    private final String link;
    private final Optional<ServiceAccount> account;

    ReaderChecks(String link, Optional<ServiceAccount> account) {
        this.link = link;
        this.account = account;
    }

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public void run(Consumer<Finding> out) {
        SerialLinkSpec spec = SerialLinkSpec.parse(link);
        SerialLink serial;
        if (spec instanceof SerialLinkSpec.Device d) {
            Optional<Finding> device = device(Path.of(d.path()));
            device.ifPresent(out);
            if (device.isPresent() && device.get().verdict() == Verdict.FAIL) {
                notTried(out, "the serial device");
                return;
            }
            serial = open(out, () -> JsscSerialLink.open(d.path(), d.baud()));
        } else if (spec instanceof SerialLinkSpec.Tcp t) {
            serial = open(out, () -> TcpSerialLink.connect(t.host(), t.port(), Duration.ofSeconds(3)));
            if (serial != null) {
                out.accept(Finding.pass("serial", link + " accepts connections"));
            }
        } else {
            out.accept(Finding.fail("serial", link + " is a simulator link; only station simulate has those"));
            notTried(out, "the link");
            return;
        }
        if (serial != null) {
            try (Pn532 pn532 = new Pn532(serial, SETTINGS, Sleeper.SYSTEM)) {
                probe(pn532, out);
            }
        }
    }

    private void probe(Pn532 pn532, Consumer<Finding> out) {
        FirmwareVersion version;
        try {
            version = pn532.init();
        } catch (TaglineException e) {
            out.accept(Finding.fail("pn532", "no PN532 answers on " + link + " (" + e.getMessage()
                    + "); check the wiring, the module's HSU mode switches and its power"));
            out.accept(Finding.warn("field", "not checked: no PN532"));
            return;
        }
        out.accept(Finding.pass("pn532", "firmware " + version + " on " + link + ", SAM configuration normal mode"));
        try {
            List<PassiveTarget> targets = pn532.inListPassiveTarget(1, new byte[0]);
            if (targets.isEmpty()) {
                out.accept(Finding.pass("field", "no chip at the antenna"));
            } else {
                PassiveTarget t = targets.get(0);
                out.accept(Finding.pass("field", "chip UID " + t.target().uidHex() + String.format(
                        " (ATQA %04X, SAK %02X%s)", t.target().atqa(), t.target().sak(),
                        t.target().isoDep() ? ", ISO-DEP" : "")));
                pn532.inRelease(t.tg());
            }
        } catch (TaglineException e) {
            out.accept(Finding.warn("field", "InListPassiveTarget failed: " + e.getMessage()));
        }
    }

    /** The device node: exists, and the service account may open it; empty when nothing to say. */
    private Optional<Finding> device(Path path) {
        if (!Files.exists(path)) {
            return Optional.of(Finding.fail("serial", path + " does not exist: plug the PN532 in, or enable the UART"
                    + " (raspi-config: serial port on, login shell off), or fix reader.link"));
        }
        try {
            Path real = path.toRealPath();
            FileFacts facts = FileFacts.of(real);
            String where = real.equals(path) ? path.toString() : path + " -> " + real;
            if (account.isEmpty()) {
                return Optional.of(Finding.warn("serial", where + " " + facts.describe()
                        + "; no service user on this host to check (install the package)"));
            }
            ServiceAccount a = account.get();
            if (!a.mayReadWrite(real)) {
                return Optional.of(Finding.fail("serial", where + " is " + facts.describe() + ": user " + a.name()
                        + " may not open it; its group should be dialout (adduser " + a.name() + " dialout)"));
            }
            return Optional.of(Finding.pass("serial", where + " " + facts.describe() + ", user " + a.name()
                    + " may open it"));
        } catch (IOException e) {
            return Optional.of(Finding.fail("serial", "cannot inspect " + path + ": " + IoReason.of(e)));
        }
    }

    private SerialLink open(Consumer<Finding> out, java.util.function.Supplier<SerialLink> opener) {
        try {
            return opener.get();
        } catch (TaglineException e) {
            String busy = e.getMessage() != null && e.getMessage().contains("busy")
                    ? "; is tagline-station running? (systemctl stop tagline-station first)" : "";
            out.accept(Finding.fail("serial", e.getMessage() + busy));
            notTried(out, "the serial link");
            return null;
        }
    }

    private static void notTried(Consumer<Finding> out, String what) {
        out.accept(Finding.fail("pn532", "not tried: " + what + " is not usable"));
        out.accept(Finding.warn("field", "not checked: no PN532"));
    }
}
