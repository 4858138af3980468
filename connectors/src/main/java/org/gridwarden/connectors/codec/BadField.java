package org.gridwarden.connectors.codec;

/** A field that makes the record unusable; caught by {@link IngestDecoder}, never leaves this package. */
final class BadField extends RuntimeException {

    private static final long serialVersionUID = 1L;
    final String reason;

    BadField(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }
}
