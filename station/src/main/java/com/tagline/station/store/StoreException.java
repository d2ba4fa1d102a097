package com.tagline.station.store;

import com.tagline.hardware.TaglineException;

/**
 * A failure of the durable local store (architecture §4): JDBC errors are translated into this
 * unchecked exception at the module edge. The message names the operation that failed; it never
 * carries key material (the store holds none, architecture §6).
 */
public class StoreException extends TaglineException {
    private final String operation;

    public StoreException(String operation, String message) {
        super(operation + ": " + message);
        this.operation = operation;
    }

    public StoreException(String operation, String message, Throwable cause) {
        super(operation + ": " + message, cause);
        this.operation = operation;
    }

    /** The store operation that failed, for example {@code beginAttempt}. */
    public String operation() {
        return operation;
    }
}
