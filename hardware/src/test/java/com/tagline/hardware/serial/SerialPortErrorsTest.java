package com.tagline.hardware.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tagline.hardware.tag.TransportException;
import java.io.IOException;
import jssc.SerialPort;
import jssc.SerialPortException;
import org.junit.jupiter.api.Test;

/**
 * The reader alarm an operator reads says what is wrong with the port in plain words, not jssc's
 * "Port name - …; Method name - …; Exception type - …" (issue 12, "the reader unplugged": the alarm carried jssc's
 * raw text).
 */
class SerialPortErrorsTest {
    @Test
    void aPortThatDoesNotExistIsNamedWithoutJsscInternals() {
        TransportException e = assertThrows(TransportException.class,
                () -> JsscSerialLink.open("/dev/ttyTAGLINE_NO_SUCH_PORT", 115_200));

        assertEquals("cannot open serial port /dev/ttyTAGLINE_NO_SUCH_PORT: no such device", e.getMessage());
    }

    @Test
    void permissionDeniedSaysWhatTheStationsUserNeeds() {
        String why = SerialPortErrors.describe(new SerialPortException("/dev/ttyUSB0", "openPort()",
                SerialPortException.TYPE_PERMISSION_DENIED));

        assertTrue(why.startsWith("permission denied"), why);
        assertTrue(why.contains("dialout"), why);
    }

    @Test
    void aBusyPortSaysAnotherProgramHasIt() {
        assertEquals("busy: another program has it open", SerialPortErrors.describe(
                new SerialPortException("/dev/ttyUSB0", "openPort()", SerialPortException.TYPE_PORT_BUSY)));
    }

    @Test
    void aNativeFailureKeepsTheSystemsTextOnly() {
        SerialPortException e = SerialPortException.wrapNativeException(new IOException("Input/output error"),
                new SerialPort("/dev/ttyUSB0"), "getInputBufferBytesCount");

        String why = SerialPortErrors.describe(e);

        assertEquals("the system reports: Input/output error", why);
        assertFalse(why.contains("Method name"), why);
    }

    @Test
    void ourOwnFailuresPassThrough() {
        assertEquals("serial device /dev/ttyUSB0 vanished",
                SerialPortErrors.describe(new TransportException("serial device /dev/ttyUSB0 vanished")));
    }
}
