package com.tagline.simulator.pn532;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PN532 firmware's command dispatcher (UM0701-02 §7, command list): routes one command (PD0 = code,
 * then parameters) to its handler. Commands the emulator does not implement (the other target-mode and DEP
 * commands, InATR, GPIO, ...) get the syntax error frame, as a real PN532 answers a code it does not know.
 *
 * <p>Threading: emulator thread only.
 */
final class Pn532Firmware {
    private static final Logger log = LoggerFactory.getLogger(Pn532Firmware.class);

    private final FirmwareSettings settings;
    private final SystemCommands system;
    private final ListingCommands listing;
    private final ExchangeCommands exchange;
    private final PeerCommands peer;
    private final PslCommand psl;

    Pn532Firmware(FirmwareSettings settings, SystemCommands system, ListingCommands listing,
            ExchangeCommands exchange, PeerCommands peer, PslCommand psl) {
        this.settings = settings;
        this.system = system;
        this.listing = listing;
        this.exchange = exchange;
        this.peer = peer;
        this.psl = psl;
    }

    /** Executes {@code command} (at least the code byte). */
    Reply execute(byte[] command) {
        int code = command[0] & 0xFF;
        byte[] p = Arrays.copyOfRange(command, 1, command.length);
        settings.pendingBaud = 0;
        if (code != ExchangeCommands.IN_DATA_EXCHANGE) {
            exchange.endChaining();
        }
        Reply reply = dispatch(code, p);
        if (log.isDebugEnabled()) {
            log.debug("command {} -> {}", String.format("%02X", code), reply.frame());
        }
        return reply;
    }

    /** Called when the host sends an ACK outside a command: completes a pending baud-rate change. */
    int takePendingBaud() {
        int baud = settings.pendingBaud;
        settings.pendingBaud = 0;
        return baud;
    }

    private Reply dispatch(int code, byte[] p) {
        return switch (code) {
            case SystemCommands.DIAGNOSE -> system.diagnose(p);
            case SystemCommands.GET_FIRMWARE_VERSION -> system.getFirmwareVersion(p);
            case SystemCommands.GET_GENERAL_STATUS -> system.getGeneralStatus(p);
            case SystemCommands.READ_REGISTER -> system.readRegister(p);
            case SystemCommands.WRITE_REGISTER -> system.writeRegister(p);
            case SystemCommands.SET_SERIAL_BAUD_RATE -> system.setSerialBaudRate(p);
            case SystemCommands.SET_PARAMETERS -> system.setParameters(p);
            case SystemCommands.SAM_CONFIGURATION -> system.samConfiguration(p);
            case SystemCommands.POWER_DOWN -> system.powerDown(p);
            case SystemCommands.RF_CONFIGURATION -> system.rfConfiguration(p);
            case ExchangeCommands.IN_DATA_EXCHANGE -> exchange.inDataExchange(p);
            case ExchangeCommands.IN_COMMUNICATE_THRU -> exchange.inCommunicateThru(p);
            case ListingCommands.IN_DESELECT -> listing.inDeselect(p);
            case ListingCommands.IN_LIST_PASSIVE_TARGET -> listing.inListPassiveTarget(p);
            case ListingCommands.IN_RELEASE -> listing.inRelease(p);
            case ListingCommands.IN_SELECT -> listing.inSelect(p);
            case ListingCommands.IN_AUTO_POLL -> listing.inAutoPoll(p);
            case PeerCommands.IN_JUMP_FOR_DEP -> peer.inJumpForDep(p);
            case PeerCommands.TG_INIT_AS_TARGET -> peer.tgInitAsTarget(p);
            case PslCommand.IN_PSL -> psl.inPsl(p);
            default -> Reply.syntaxError();
        };
    }
}
