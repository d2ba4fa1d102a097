package com.tagline.hardware.ntag223.sun;

import com.tagline.hardware.ndef.UrlDoesNotFitException;
import com.tagline.hardware.ndef.NdefUri;
import com.tagline.hardware.ntag223.MemoryMap;
import com.tagline.hardware.ntag223.NdefTlv;
import com.tagline.hardware.ntag223.Ntag223Config;
import com.tagline.hardware.ntag223.Ntag223Variant;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The user-memory image and mirror position for one tag URL (ntag223.md §6.1, §6.4): one NDEF URI
 * record in an NDEF TLV from the first user page, the SUN message area pre-filled with ASCII '0' (so
 * the NDEF stays valid while MIRROR_EN is off [inferred]), the Terminator TLV right after the record,
 * and MIRROR_PAGE / MIRROR_BYTE = the message's byte offset from page 0 split into page and byte.
 * Immutable; arrays are copied.
 *
 * @param url the URL with the zero-filled message area, as a phone reads it with the mirror off
 * @param ndefMessage the URI record (the NDEF message inside the TLV)
 * @param userImage TLVs padded to whole pages, to be written from the first user page
 * @param mirrorPage MIRROR_PAGE for CFG0 byte 2
 * @param mirrorByte MIRROR_BYTE (0–3) for CFG0 byte 0 bits 4..3
 * @param variant plain (38 characters) or StatusDetect (49)
 * @param pages the page map the layout was computed for
 * @param parameterName the query parameter carrying the message, or null when it is not a query value
 */
public record MirrorLayout(String url, byte[] ndefMessage, byte[] userImage, int mirrorPage, int mirrorByte,
        Ntag223Variant variant, MemoryMap pages, String parameterName) {
    public MirrorLayout {
        Objects.requireNonNull(url);
        Objects.requireNonNull(variant);
        Objects.requireNonNull(pages);
        ndefMessage = ndefMessage.clone();
        userImage = userImage.clone();
    }

    /**
     * Lays out {@code tagUrl} with {@code template} for the chip's user memory.
     *
     * @throws UrlDoesNotFitException when the TLVs with the message exceed the user memory
     * @throws IllegalArgumentException for a template or URL with a wrong placeholder
     */
    public static MirrorLayout build(String tagUrl, MirrorTemplate template, Ntag223Variant variant, MemoryMap map) {
        String withPlaceholder = template.applyTo(tagUrl);
        NdefUri abbreviated = NdefUri.of(withPlaceholder);
        String stored = abbreviated.storedText();
        int at = stored.indexOf(MirrorTemplate.PLACEHOLDER);
        if (at < 0) {
            throw new IllegalArgumentException("the SUN placeholder must not be part of the URI prefix: " + tagUrl);
        }
        String text = stored.substring(0, at) + "0".repeat(variant.messageLength())
                + stored.substring(at + MirrorTemplate.PLACEHOLDER.length());
        String prefix = withPlaceholder.substring(0, withPlaceholder.length() - stored.length());
        NdefUri record = NdefUri.of(prefix + text);
        int recordLength = NdefUri.RECORD_OVERHEAD + utf8(record.storedText());
        int header = NdefTlv.headerLength(recordLength);
        int needed = header + recordLength + 1;
        if (needed > map.userBytes()) {
            throw new UrlDoesNotFitException(withPlaceholder,
                    "NTAG 223 DNA user memory (NDEF TLV and terminator)", needed, map.userBytes());
        }
        byte[] rec = record.record();
        int offset = map.userStartOffset() + header + NdefUri.RECORD_OVERHEAD + utf8(stored.substring(0, at));
        return new MirrorLayout(record.uri(), rec, NdefTlv.image(rec, map.userBytes()), offset / MemoryMap.PAGE_SIZE,
                offset % MemoryMap.PAGE_SIZE, variant, map, MirrorTemplate.parameterName(withPlaceholder));
    }

    /** Byte offset of the message from page 0: MIRROR_PAGE × 4 + MIRROR_BYTE. */
    public int messageOffset() {
        return mirrorPage * MemoryMap.PAGE_SIZE + mirrorByte;
    }

    public int messageLength() {
        return variant.messageLength();
    }

    /** First page holding part of the message. */
    public int firstMessagePage() {
        return mirrorPage;
    }

    /** Last page holding part of the message. */
    public int lastMessagePage() {
        return (messageOffset() + messageLength() - 1) / MemoryMap.PAGE_SIZE;
    }

    /** CFG0 with MIRROR_EN set and this MIRROR_PAGE / MIRROR_BYTE, other bits kept. */
    public Ntag223Config configure(Ntag223Config current) {
        return current.withMirror(true, mirrorPage, mirrorByte);
    }

    /**
     * The message text inside {@code memory}, which was read starting at page {@code firstPage}
     * (e.g. the user memory from its first page, or a FAST_READ of {@link #firstMessagePage()} on).
     */
    public String extractMessage(byte[] memory, int firstPage) {
        int from = messageOffset() - firstPage * MemoryMap.PAGE_SIZE;
        if (from < 0 || from + messageLength() > memory.length) {
            throw new IllegalArgumentException("the read does not cover the SUN message");
        }
        return new String(memory, from, messageLength(), StandardCharsets.US_ASCII);
    }

    /**
     * Whether user memory read back from the first user page holds this layout, ignoring the message
     * area (the chip overlays it on reads, §6.1). Bytes after the image are not compared.
     */
    public boolean matchesIgnoringMirror(byte[] userMemory) {
        if (userMemory.length < userImage.length) {
            return false;
        }
        int from = messageOffset() - pages.userStartOffset();
        int to = from + messageLength();
        for (int i = 0; i < userImage.length; i++) {
            if ((i < from || i >= to) && userImage[i] != userMemory[i]) {
                return false;
            }
        }
        return true;
    }

    /** The URL a phone reads when the chip mirrors {@code message}. */
    public String urlWith(SunMessage message) {
        String text = message.text();
        if (text.length() != messageLength()) {
            throw new IllegalArgumentException("a " + variant + " layout holds " + messageLength()
                    + "-character messages, got " + text.length());
        }
        String stored = NdefUri.of(url).storedText();
        int inStored = messageOffset() - pages.userStartOffset() - NdefTlv.headerLength(ndefMessage.length)
                - NdefUri.RECORD_OVERHEAD;
        byte[] storedBytes = stored.getBytes(StandardCharsets.UTF_8);
        int at = url.length() - stored.length() + new String(storedBytes, 0, inStored, StandardCharsets.UTF_8).length();
        return url.substring(0, at) + text + url.substring(at + messageLength());
    }

    @Override
    public byte[] ndefMessage() {
        return ndefMessage.clone();
    }

    @Override
    public byte[] userImage() {
        return userImage.clone();
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MirrorLayout l && url.equals(l.url) && Arrays.equals(userImage, l.userImage)
                && mirrorPage == l.mirrorPage && mirrorByte == l.mirrorByte && variant == l.variant
                && pages.equals(l.pages);
    }

    @Override
    public int hashCode() {
        return Objects.hash(url, mirrorPage, mirrorByte, variant);
    }

    @Override
    public String toString() {
        return "MirrorLayout[" + url + ", mirrorPage=" + String.format("%02Xh", mirrorPage) + ", mirrorByte="
                + mirrorByte + ", " + variant + "]";
    }
}
