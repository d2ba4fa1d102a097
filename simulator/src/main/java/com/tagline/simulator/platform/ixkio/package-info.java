/**
 * The ixkio Management API emulator (platform-api §2.1): an in-memory {@link
 * com.tagline.simulator.platform.ixkio.IxkioAccount} of tag codes seeded from CSV ({@link
 * com.tagline.simulator.platform.ixkio.TagCodeSeed}), and {@link
 * com.tagline.simulator.platform.ixkio.IxkioEmulator}, its HTTP side on the shared loopback emulator server.
 */
package com.tagline.simulator.platform.ixkio;
