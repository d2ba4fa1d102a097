package com.tagline.simulator.platform;

/**
 * Answers one request of an emulator route. Handlers registered with
 * {@link EmulatorHttpServer#route} run on the Vert.x event loop and must be quick and non-blocking
 * (in-memory work); those registered with {@link EmulatorHttpServer#blockingRoute} run on a worker
 * thread. A handler that throws is answered {@code 500} through the server's {@link ErrorRenderer}.
 */
@FunctionalInterface
public interface EmulatorHandler {
    EmulatorResponse handle(EmulatorRequest request);
}
