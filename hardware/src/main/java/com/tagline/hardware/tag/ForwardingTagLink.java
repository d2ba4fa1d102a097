package com.tagline.hardware.tag;

import java.time.Duration;

/**
 * Base of {@link TagLink} decorators (architecture §2: cross-cutting concerns such as timing,
 * recording or fault injection wrap the same interface): forwards everything to the wrapped link,
 * so a decorator overrides only what it changes. Threading as the wrapped link.
 */
public abstract class ForwardingTagLink implements TagLink {
    private final TagLink delegate;

    protected ForwardingTagLink(TagLink delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate);
    }

    protected final TagLink delegate() {
        return delegate;
    }

    @Override
    public byte[] transceive(byte[] apdu) {
        return delegate.transceive(apdu);
    }

    @Override
    public byte[] transceiveRaw(byte[] frame, Duration timeout) {
        return delegate.transceiveRaw(frame, timeout);
    }

    @Override
    public Target target() {
        return delegate.target();
    }
}
