package com.tagline.hardware.ndef;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A single NDEF URI record (NFC Forum URI RTD 1.0 §3.2, NDEF 1.0 §3.2): short record
 * {@code D1 01 LEN 55 code uri}. The identifier code abbreviates the longest matching prefix
 * (URI RTD Table 3).
 */
public final class NdefUri {
    /** URI RTD Table 3, codes 0x01..0x23 in order. */
    private static final List<String> PREFIXES = List.of("http://www.", "https://www.", "http://", "https://",
            "tel:", "mailto:", "ftp://anonymous:anonymous@", "ftp://ftp.", "ftps://", "sftp://", "smb://", "nfs://",
            "ftp://", "dav://", "news:", "telnet://", "imap:", "rtsp://", "urn:", "pop:", "sip:", "sips:", "tftp:",
            "btspp://", "btl2cap://", "btgoep://", "tcpobex://", "irdaobex://", "file://", "urn:epc:id:",
            "urn:epc:tag:", "urn:epc:pat:", "urn:epc:raw:", "urn:epc:", "urn:nfc:");
    /** Record header: MB=1 ME=1 SR=1 TNF=001 (well-known); type length 1; type 'U'. */
    private static final int HEADER = 0xD1;
    private static final int TYPE_U = 0x55;
    /** Bytes before the URI text in a short record: header, type length, payload length, type, code. */
    public static final int RECORD_OVERHEAD = 5;
    private static final int MAX_SHORT_PAYLOAD = 255;

    private final int code;
    private final String rest;

    private NdefUri(int code, String rest) {
        this.code = code;
        this.rest = rest;
    }

    /** Abbreviates {@code uri} with the longest matching identifier code. */
    public static NdefUri of(String uri) {
        int best = 0;
        int bestLen = 0;
        for (int i = 0; i < PREFIXES.size(); i++) {
            String p = PREFIXES.get(i);
            if (uri.startsWith(p) && p.length() > bestLen) {
                best = i + 1;
                bestLen = p.length();
            }
        }
        return new NdefUri(best, uri.substring(bestLen));
    }

    public int identifierCode() {
        return code;
    }

    /** The URI text after the abbreviated prefix, as stored on the chip. */
    public String storedText() {
        return rest;
    }

    public String uri() {
        return (code == 0 ? "" : PREFIXES.get(code - 1)) + rest;
    }

    /** The record bytes; fails when the payload does not fit a short record. */
    public byte[] record() {
        byte[] text = rest.getBytes(StandardCharsets.UTF_8);
        int payload = 1 + text.length;
        if (payload > MAX_SHORT_PAYLOAD) {
            throw new IllegalArgumentException("URI payload of " + payload + " bytes does not fit a short record");
        }
        byte[] rec = new byte[RECORD_OVERHEAD + text.length];
        rec[0] = (byte) HEADER;
        rec[1] = 1;
        rec[2] = (byte) payload;
        rec[3] = (byte) TYPE_U;
        rec[4] = (byte) code;
        System.arraycopy(text, 0, rec, RECORD_OVERHEAD, text.length);
        return rec;
    }

    /** Parses one short URI record; throws naming what is wrong. */
    public static NdefUri parse(byte[] record) {
        if (record.length < RECORD_OVERHEAD || (record[0] & 0xFF) != HEADER || record[1] != 1
                || (record[3] & 0xFF) != TYPE_U) {
            throw new IllegalArgumentException("not a single short NDEF URI record");
        }
        int payload = record[2] & 0xFF;
        if (payload < 1 || RECORD_OVERHEAD - 1 + payload > record.length) {
            throw new IllegalArgumentException("NDEF URI record payload length " + payload + " is inconsistent");
        }
        int code = record[4] & 0xFF;
        if (code > PREFIXES.size()) {
            throw new IllegalArgumentException("URI identifier code " + code + " is reserved");
        }
        byte[] text = Arrays.copyOfRange(record, RECORD_OVERHEAD, RECORD_OVERHEAD - 1 + payload);
        return new NdefUri(code, new String(text, StandardCharsets.UTF_8));
    }
}
