package com.relationship.projection.readmodel;

/**
 * The events of an account cannot be folded as they are (for example, the first one is not its
 * registration). Retrying cannot help, so the message goes to the dead-letter topic.
 */
public class InconsistentEventStreamException extends RuntimeException {

    public InconsistentEventStreamException(String message) {
        super(message);
    }
}
