package com.tagline.simulator.ntag424;

import com.tagline.hardware.ntag424.AccessRights;
import com.tagline.hardware.ntag424.FileSettings;
import com.tagline.hardware.ntag424.SdmSettings;
import java.util.Optional;

/**
 * One StandardData file of the NTAG 424 DNA application (DS §8.2.2): number, ISO FID, settings, static
 * content and, for the SDM file, the 24-bit SDMReadCtr (DS §9.3.1). The size is fixed at creation.
 */
final class StandardDataFile {
    static final int MAX_SDM_READ_CTR = 0xFFFFFF;

    private final int fileNo;
    private final int fid;
    private final byte[] content;
    private FileSettings settings;
    private int sdmReadCtr;

    StandardDataFile(int fileNo, int fid, FileSettings settings, byte[] content) {
        if (settings.fileSize() != content.length) {
            throw new IllegalArgumentException("file " + fileNo + " settings say " + settings.fileSize()
                    + " bytes but the content has " + content.length);
        }
        this.fileNo = fileNo;
        this.fid = fid;
        this.settings = settings;
        this.content = content.clone();
    }

    int fileNo() {
        return fileNo;
    }

    int fid() {
        return fid;
    }

    int size() {
        return content.length;
    }

    FileSettings settings() {
        return settings;
    }

    AccessRights rights() {
        return settings.accessRights();
    }

    Optional<SdmSettings> sdm() {
        return settings.sdm();
    }

    /** ChangeFileSettings cannot change the size (DS §10.7.1); the caller passes settings for this size. */
    void settings(FileSettings newSettings) {
        if (newSettings.fileSize() != content.length) {
            throw new IllegalArgumentException("file size cannot change");
        }
        this.settings = newSettings;
    }

    byte[] content() {
        return content.clone();
    }

    /** Writes in one step: a single-frame write is atomic on the chip (DS §10.8.2, ntag424.md §1). */
    void write(int offset, byte[] bytes) {
        if (offset < 0 || offset + bytes.length > content.length) {
            throw new IllegalArgumentException("write outside file " + fileNo);
        }
        System.arraycopy(bytes, 0, content, offset, bytes.length);
    }

    int sdmReadCtr() {
        return sdmReadCtr;
    }

    void sdmReadCtr(int value) {
        if (value < 0 || value > MAX_SDM_READ_CTR) {
            throw new IllegalArgumentException("SDMReadCtr is 24 bits");
        }
        this.sdmReadCtr = value;
    }
}
