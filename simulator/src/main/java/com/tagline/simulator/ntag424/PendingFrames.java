package com.tagline.simulator.ntag424;

import java.util.List;

/**
 * A multi-frame exchange in progress, waiting for {@code 90 AF}: the second part of an authentication
 * (DS §9.1.5/§9.1.6) or the remaining GetVersion frames (DS §10.5.2). Any other command aborts it
 * (DS §9.1.5: "On any command different from ... Part2 ... the PICC aborts the ongoing authentication").
 */
sealed interface PendingFrames permits PendingFrames.Authentication, PendingFrames.Version {

    /**
     * Part 1 of AuthenticateEV2First ({@code first}) or AuthenticateEV2NonFirst was answered. For NonFirst,
     * {@code ti} and {@code cmdCtr} are those of the suspended session (DS §9.1.6: both are kept).
     */
    record Authentication(boolean first, int keyNo, byte[] rndB, byte[] ti, int cmdCtr, byte[] pcdCap2)
            implements PendingFrames {
        public Authentication {
            rndB = rndB.clone();
            ti = ti.clone();
            pcdCap2 = pcdCap2.clone();
        }

        @Override
        public byte[] rndB() {
            return rndB.clone();
        }

        @Override
        public byte[] ti() {
            return ti.clone();
        }

        @Override
        public byte[] pcdCap2() {
            return pcdCap2.clone();
        }
    }

    /**
     * GetVersion frames; {@code next} is the one to send now, {@link #all()} is what the final MAC covers
     * (DS Table 22 note [1]).
     */
    record Version(List<byte[]> frames, int next) implements PendingFrames {
        public Version {
            frames = frames.stream().map(byte[]::clone).toList();
        }

        @Override
        public List<byte[]> frames() {
            return frames.stream().map(byte[]::clone).toList();
        }

        boolean last() {
            return next == frames.size() - 1;
        }

        byte[] frame() {
            return frames.get(next).clone();
        }

        byte[] all() {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            frames.forEach(out::writeBytes);
            return out.toByteArray();
        }
    }
}
