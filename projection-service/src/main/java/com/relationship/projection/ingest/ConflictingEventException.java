package com.relationship.projection.ingest;

/**
 * A different event (another id) at a sequence of the account already seen: two facts claim one place
 * in its history. Not a duplicate to skip: it is logged, counted, alerted and dead-lettered, and the
 * account is marked stale, until someone finds out which fact is true. Retrying cannot help.
 */
public class ConflictingEventException extends RuntimeException {

    public ConflictingEventException(String message) {
        super(message);
    }
}
