package com.tagline.hardware.serial;

import jssc.SerialPortException;

/**
 * What a jssc failure means, in the words an operator acts on. jssc's own message is
 * "Port name - P; Method name - M; Exception type - T": the port is already in ours, the method is jssc's
 * internals, and the type is terse ("Port not found"). The type constants are jssc's
 * ({@link SerialPortException}); the native type carries the operating system's text (strerror).
 */
final class SerialPortErrors {
    private static final String NATIVE_PREFIX = SerialPortException.TYPE_NATIVE_EXCEPTION.replace("%s", "");

    private SerialPortErrors() {
    }

    /** A short reason, with what to check where the type says it. */
    static String describe(SerialPortException e) {
        String type = e.getExceptionType();
        if (type == null) {
            return String.valueOf(e.getMessage());
        }
        return switch (type) {
            case SerialPortException.TYPE_PORT_NOT_FOUND -> "no such device";
            case SerialPortException.TYPE_PERMISSION_DENIED ->
                    "permission denied (the station's user needs read and write access to it: the dialout group on Debian)";
            case SerialPortException.TYPE_PORT_BUSY -> "busy: another program has it open";
            case SerialPortException.TYPE_INCORRECT_SERIAL_PORT -> "not a serial port";
            default -> type.startsWith(NATIVE_PREFIX) ? nativeError(type.substring(NATIVE_PREFIX.length())) : type;
        };
    }

    /** The system's text, e.g. "Input/output error" when a USB adapter is pulled. */
    private static String nativeError(String systemText) {
        String text = systemText.isBlank() ? "unknown error" : systemText.strip();
        return "the system reports: " + text;
    }

    /** {@link #describe} for any failure: jssc's own, or ours (already in plain words). */
    static String describe(Exception e) {
        return e instanceof SerialPortException s ? describe(s) : String.valueOf(e.getMessage());
    }
}
