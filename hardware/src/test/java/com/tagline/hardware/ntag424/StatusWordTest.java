package com.tagline.hardware.ntag424;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Status words of ntag424.md §2.1. */
class StatusWordTest {
    @Test
    void knownNativeCodes() {
        // ntag424.md §2.1 native (CLA 90) list.
        assertSame(StatusWord.OPERATION_OK, StatusWord.of(0x9100));
        assertSame(StatusWord.ADDITIONAL_FRAME, StatusWord.of(0x91AF));
        assertSame(StatusWord.ILLEGAL_COMMAND_CODE, StatusWord.of(0x911C));
        assertSame(StatusWord.INTEGRITY_ERROR, StatusWord.of(0x911E));
        assertSame(StatusWord.NO_SUCH_KEY, StatusWord.of(0x9140));
        assertSame(StatusWord.LENGTH_ERROR, StatusWord.of(0x917E));
        assertSame(StatusWord.PERMISSION_DENIED, StatusWord.of(0x919D));
        assertSame(StatusWord.PARAMETER_ERROR, StatusWord.of(0x919E));
        assertSame(StatusWord.AUTHENTICATION_DELAY, StatusWord.of(0x91AD));
        assertSame(StatusWord.AUTHENTICATION_ERROR, StatusWord.of(0x91AE));
        assertSame(StatusWord.BOUNDARY_ERROR, StatusWord.of(0x91BE));
        assertSame(StatusWord.COMMAND_ABORTED, StatusWord.of(0x91CA));
        assertSame(StatusWord.MEMORY_ERROR, StatusWord.of(0x91EE));
        assertSame(StatusWord.FILE_NOT_FOUND, StatusWord.of(0x91F0));
        assertSame(StatusWord.COMMAND_NOT_FOUND, StatusWord.of(0x910B));
        assertSame(StatusWord.COMMAND_FORMAT_ERROR, StatusWord.of(0x910C));
    }

    @Test
    void knownIsoCodes() {
        // ntag424.md §2.1 ISO (CLA 00) list.
        assertSame(StatusWord.ISO_OK, StatusWord.of(0x9000));
        assertSame(StatusWord.ISO_WRONG_LENGTH, StatusWord.of(0x6700));
        assertSame(StatusWord.ISO_MEMORY_FAILURE, StatusWord.of(0x6581));
        assertSame(StatusWord.ISO_SECURITY_STATUS_NOT_SATISFIED, StatusWord.of(0x6982));
        assertSame(StatusWord.ISO_CONDITIONS_OF_USE_NOT_SATISFIED, StatusWord.of(0x6985));
        assertSame(StatusWord.ISO_WRONG_DATA, StatusWord.of(0x6A80));
        assertSame(StatusWord.ISO_FILE_NOT_FOUND, StatusWord.of(0x6A82));
        assertSame(StatusWord.ISO_INCORRECT_P1P2, StatusWord.of(0x6A86));
        assertSame(StatusWord.ISO_LC_INCONSISTENT, StatusWord.of(0x6A87));
        assertSame(StatusWord.ISO_INS_NOT_SUPPORTED, StatusWord.of(0x6D00));
        assertSame(StatusWord.ISO_CLA_NOT_SUPPORTED, StatusWord.of(0x6E00));
        // "6C00/6CXX wrong Le": any 6CXX maps to the wrong-Le entry.
        assertSame(StatusWord.ISO_WRONG_LE, StatusWord.of(0x6C00));
        assertSame(StatusWord.ISO_WRONG_LE, StatusWord.of(0x6C10));
    }

    @Test
    void unknownCodesAreNull() {
        assertNull(StatusWord.of(0x91FF));
        assertNull(StatusWord.of(0x9101));
        assertNull(StatusWord.of(0x6F00));
        assertNull(StatusWord.of(0x0000));
        assertNull(StatusWord.of(0x1234));
    }

    @Test
    void everyEntryRoundTripsAndIsUnique() {
        Set<Integer> codes = new HashSet<>();
        for (StatusWord sw : StatusWord.values()) {
            assertTrue(codes.add(sw.code()), "duplicate code " + Integer.toHexString(sw.code()));
            assertSame(sw, StatusWord.of(sw.code()));
            assertEquals(sw.code(), sw.sw1() << 8 | sw.sw2());
            assertArrayEquals(new byte[] {(byte) sw.sw1(), (byte) sw.sw2()}, sw.bytes());
            assertFalse(sw.meaning().isBlank());
        }
    }

    @Test
    void successAndChipStatusException() {
        assertTrue(StatusWord.OPERATION_OK.isSuccess());
        assertTrue(StatusWord.ISO_OK.isSuccess());
        assertFalse(StatusWord.ADDITIONAL_FRAME.isSuccess());
        assertFalse(StatusWord.INTEGRITY_ERROR.isSuccess());
        assertEquals(0x91, StatusWord.AUTHENTICATION_ERROR.sw1());
        assertEquals(0xAE, StatusWord.AUTHENTICATION_ERROR.sw2());

        ChipStatusException known = new ChipStatusException("ChangeKey", 0x911E);
        assertSame(StatusWord.INTEGRITY_ERROR, known.statusWord());
        assertTrue(known.is(StatusWord.INTEGRITY_ERROR));
        assertTrue(known.getMessage().contains("911E"));
        ChipStatusException unknown = new ChipStatusException("ReadData", 0x91FF);
        assertNull(unknown.statusWord());
        assertEquals(0x91, unknown.sw1());
        assertEquals(0xFF, unknown.sw2());
        assertTrue(unknown.getMessage().contains("91FF"));
    }
}
