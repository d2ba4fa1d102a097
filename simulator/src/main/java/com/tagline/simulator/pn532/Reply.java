package com.tagline.simulator.pn532;

import com.tagline.hardware.pn532.Pn532Frame;

/**
 * What the firmware answers to one command: a response or the syntax error frame, and what happens on the
 * line once it is sent (PowerDown sleeps, UM0701-02 §7.2.11).
 */
record Reply(Pn532Frame frame, Runnable afterSend) {
    private static final Runnable NOTHING = () -> { };

    /** The response to command {@code command}: code + 1 (UM0701-02 §6.2.1.1), then {@code payload}. */
    static Reply to(int command, byte... payload) {
        return new Reply(Pn532Frame.Information.response(command + 1, payload), NOTHING);
    }

    /** A status-bearing response: code + 1, status byte, data. */
    static Reply status(int command, RfStatus status, byte... data) {
        return status(command, status.code(), data);
    }

    static Reply status(int command, int statusByte, byte... data) {
        byte[] payload = new byte[data.length + 1];
        payload[0] = (byte) statusByte;
        System.arraycopy(data, 0, payload, 1, data.length);
        return to(command, payload);
    }

    /** Application-level syntax error frame (UM0701-02 §6.2.1.5): unknown command or bad parameters. */
    static Reply syntaxError() {
        return new Reply(new Pn532Frame.ErrorFrame(), NOTHING);
    }

    Reply then(Runnable action) {
        return new Reply(frame, action);
    }
}
