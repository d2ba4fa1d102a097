package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.SdmSettings;
import com.tagline.hardware.ntag424.StatusWord;
import com.tagline.hardware.ntag424.sdm.SdmCrypto;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What an unauthenticated reader sees of a file with Secure Dynamic Messaging (DS §9.3; ntag424.md §8):
 * the static content with the placeholders replaced by the UID and SDMReadCtr mirrors (uppercase ASCII
 * hex), the encrypted PICCData, SDMENCFileData and finally the SDMMAC over the transmitted ASCII bytes
 * between SDMMACInputOffset and SDMMACOffset.
 *
 * <p>Read sequences (DS §9.3.1, §9.3.4): the first successful read increments SDMReadCtr and draws fresh
 * random padding; consecutive reads of the same file with the same command (ReadData or ISOReadBinary)
 * and no other command in between reuse both. Authenticated reads never come here: they return the
 * static bytes.
 */
final class SdmReadout {
    /** The command of a read sequence; switching between them starts a new sequence. */
    enum ReadKind { READ_DATA, ISO_READ_BINARY }

    /** One read sequence: file, command, the counter value it uses and its PICCData random padding. */
    record Sequence(int fileNo, ReadKind kind, int counter, byte[] pad) {
        Sequence {
            pad = pad.clone();
        }

        @Override
        public byte[] pad() {
            return pad.clone();
        }
    }

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private SdmReadout() {}

    /**
     * The file content as transmitted to an unauthenticated reader, advancing the read sequence.
     *
     * @param limitReached status when SDMReadCtr has reached SDMReadCtrLimit (ReadData 919D, ISO 6982)
     * @param overflow status when SDMReadCtr is FFFFFFh (ReadData 911E, ISO 6982; DS Tables 80, 89)
     */
    static byte[] unauthenticatedView(ChipContext ctx, StandardDataFile file, ReadKind kind,
            StatusWord limitReached, StatusWord overflow) {
        Optional<SdmSettings> sdm = file.sdm();
        if (sdm.isEmpty()) {
            return file.content();
        }
        Sequence prior = ctx.priorSdmSequence();
        Sequence seq = prior != null && prior.fileNo() == file.fileNo() && prior.kind() == kind ? prior
                : start(ctx, file, sdm.get(), kind, limitReached, overflow);
        ctx.sdmSequence(seq);
        return render(file.content(), sdm.get(), ctx.identity().uid(), seq, ctx.keys());
    }

    private static Sequence start(ChipContext ctx, StandardDataFile file, SdmSettings sdm, ReadKind kind,
            StatusWord limitReached, StatusWord overflow) {
        if (sdm.readCtrMirror()) {
            int ctr = file.sdmReadCtr();
            if (ctr >= StandardDataFile.MAX_SDM_READ_CTR) {
                throw new ChipError(overflow);
            }
            if (sdm.readCtrLimitEnabled() && ctr >= sdm.readCtrLimit()) {
                throw new ChipError(limitReached);
            }
            file.sdmReadCtr(ctr + 1);
        }
        byte[] pad = sdm.piccDataPresent() ? ctx.draw(padLength(sdm)) : ChipContext.NO_DATA;
        return new Sequence(file.fileNo(), kind, file.sdmReadCtr(), pad);
    }

    /** Random padding that fills PICCDataTag ‖ [UID] ‖ [SDMReadCtr] up to one block (DS §9.3.4.1). */
    static int padLength(SdmSettings sdm) {
        return 16 - 1 - (sdm.uidMirror() ? 7 : 0) - (sdm.readCtrMirror() ? 3 : 0);
    }

    private static byte[] render(byte[] content, SdmSettings sdm, byte[] uid, Sequence seq, ApplicationKeys keys) {
        byte[] out = content.clone();
        byte[] mirroredUid = sdm.uidMirror() ? uid : null;
        Integer ctr = sdm.readCtrMirror() ? seq.counter() : null;
        if (sdm.metaRead() == AccessRights.FREE) {
            // DS §9.3.3 Table 20: plain mirrors; the counter ASCII is MSB first.
            if (sdm.uidOffsetPresent()) {
                put(out, sdm.uidOffset(), HEX.formatHex(uid));
            }
            if (sdm.readCtrOffsetPresent() && sdm.readCtrOffset() != SdmSettings.NOT_MIRRORED) {
                put(out, sdm.readCtrOffset(), String.format("%06X", seq.counter()));
            }
        } else if (sdm.piccDataPresent()) {
            byte[] picc = SdmCrypto.encryptPiccData(keys.key(sdm.metaRead()), mirroredUid, ctr, seq.pad());
            put(out, sdm.piccDataOffset(), HEX.formatHex(picc));
        }
        if (sdm.macPresent()) {
            byte[] fileReadKey = keys.key(sdm.fileRead());
            if (sdm.encPresent()) {
                // DS §9.3.6.1: the first half of the placeholder holds the plain data.
                byte[] plain = Arrays.copyOfRange(content, sdm.encOffset(), sdm.encOffset() + sdm.encLength() / 2);
                byte[] sesEnc = SdmCrypto.sessionEncKey(fileReadKey, uid, seq.counter());
                put(out, sdm.encOffset(), HEX.formatHex(SdmCrypto.encryptFileData(sesEnc, seq.counter(), plain)));
            }
            // DS §9.3.8.1: MAC over DynamicFileData[SDMMACInputOffset .. SDMMACOffset-1], placeholders replaced.
            byte[] sesMac = SdmCrypto.sessionMacKey(fileReadKey, mirroredUid, ctr);
            byte[] input = Arrays.copyOfRange(out, sdm.macInputOffset(), sdm.macOffset());
            put(out, sdm.macOffset(), HEX.formatHex(SdmCrypto.sdmMac(sesMac, input)));
        }
        return out;
    }

    private static void put(byte[] out, int offset, String ascii) {
        byte[] bytes = ascii.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, out, offset, bytes.length);
    }
}
