package com.relationship.contracts.events;

/** A message on the account-events topic that this version of the contracts cannot read. */
public class UnknownAccountEventException extends RuntimeException {

    public UnknownAccountEventException(String message) {
        super(message);
    }

    public UnknownAccountEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
