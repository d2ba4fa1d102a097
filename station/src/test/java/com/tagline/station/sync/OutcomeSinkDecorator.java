package com.tagline.station.sync;

import com.tagline.station.platform.Credential;
import com.tagline.station.store.OutboxEntry;
import java.util.List;

/** Passes every call to a real sink; a test overrides the calls it wants to disturb or watch. */
class OutcomeSinkDecorator implements OutcomeSink {
    private final OutcomeSink sink;

    OutcomeSinkDecorator(OutcomeSink sink) {
        this.sink = sink;
    }

    @Override
    public String platform() {
        return sink.platform();
    }

    @Override
    public int rowsPerCall(int batchSize) {
        return sink.rowsPerCall(batchSize);
    }

    @Override
    public InDoubt settle(List<OutboxEntry> inDoubt) {
        return sink.settle(inDoubt);
    }

    @Override
    public List<Delivery> deliver(List<OutboxEntry> rows) {
        return sink.deliver(rows);
    }

    @Override
    public Credential credential() {
        return sink.credential();
    }

    @Override
    public void close() {
        sink.close();
    }
}
