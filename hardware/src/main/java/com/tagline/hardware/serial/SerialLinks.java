package com.tagline.hardware.serial;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Opens a {@link SerialLink} from a link string ({@link SerialLinkSpec} has the grammar).
 *
 * <p><b>{@code sim:} links.</b> This module cannot know the PN532 emulator (it lives in
 * {@code simulator}, which depends on this module). The caller therefore passes a resolver
 * {@code Function<String, SerialLink>} that receives the name after {@code sim:} (empty for a
 * bare {@code sim:}) and returns the host end of a link to its emulator, typically one end of a
 * {@link PipeSerialLink#pair()} whose other end the emulator serves. Without a resolver a
 * {@code sim:} link is rejected with an explanation.
 */
public final class SerialLinks {
    /** Resolver used when the caller has no emulator: rejects every {@code sim:} link. */
    public static final Function<String, SerialLink> NO_SIMULATOR = name -> {
        throw new IllegalArgumentException("link 'sim:" + name
                + "' needs an emulator; this process has none registered");
    };

    private SerialLinks() {
    }

    /** Opens a device or TCP link; {@code sim:} links are rejected. */
    public static SerialLink open(String spec) {
        return open(spec, NO_SIMULATOR);
    }

    /**
     * Opens the link {@code spec} names.
     *
     * @param simulators resolves the name of a {@code sim:} link to a connected link
     * @throws IllegalArgumentException for a malformed link string or an unresolvable {@code sim:}
     * @throws com.tagline.hardware.tag.TransportException when the device or server cannot be opened
     */
    public static SerialLink open(String spec, Function<String, SerialLink> simulators) {
        Objects.requireNonNull(simulators, "simulators");
        SerialLinkSpec parsed = SerialLinkSpec.parse(spec);
        if (parsed instanceof SerialLinkSpec.Device d) {
            return JsscSerialLink.open(d.path(), d.baud());
        } else if (parsed instanceof SerialLinkSpec.Tcp t) {
            return TcpSerialLink.connect(t.host(), t.port());
        }
        SerialLinkSpec.Simulated sim = (SerialLinkSpec.Simulated) parsed;
        SerialLink link = simulators.apply(sim.name());
        if (link == null) {
            throw new IllegalArgumentException("no emulator named '" + sim.name() + "' for link '" + spec + "'");
        }
        return link;
    }

    /**
     * A deferred {@link #open(String, Function)}, e.g. as the opener of a
     * {@link ReconnectingSerialLink}. The link string is parsed now, so a typo fails at startup.
     */
    public static Supplier<SerialLink> opener(String spec, Function<String, SerialLink> simulators) {
        SerialLinkSpec.parse(spec);
        return () -> open(spec, simulators);
    }
}
