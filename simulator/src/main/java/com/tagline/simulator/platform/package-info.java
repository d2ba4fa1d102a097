/**
 * Shared scaffolding of the platform emulators (platform-api §1.4, §2): {@link
 * com.tagline.simulator.platform.EmulatorHttpServer}, a loopback-only Vert.x core HTTP server with
 * hand routing and the {@code /_emulator/state} and {@code /_emulator/faults} controls, and {@link
 * com.tagline.simulator.platform.EmulatorFaults}, the injected outage, latency, {@code 503}s and dropped
 * answers. Each platform (tagbase, ixkio) supplies its routes, its error format ({@link
 * com.tagline.simulator.platform.ErrorRenderer}) and its state document.
 */
package com.tagline.simulator.platform;
