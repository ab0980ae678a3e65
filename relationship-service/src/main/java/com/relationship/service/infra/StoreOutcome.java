package com.relationship.service.infra;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoWriteConcernException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * Whether a failed command may nevertheless have stored its events. Axon wraps a failed append in an
 * {@link EventStoreException}; when the cause is a connection lost or a timeout after the insert had
 * been sent (not a connection that never opened, not a server that could not be selected), MongoDB
 * may have written the events before the answer was lost, so nobody can say "nothing was stored".
 */
public final class StoreOutcome {

    private StoreOutcome() {
    }

    /** True if the failure happened while the events were being appended and after the insert was sent. */
    public static boolean unknown(Throwable failure) {
        boolean appending = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventStoreException) {
                appending = true;
            }
            if (appending && (cause instanceof MongoWriteConcernException
                    || cause instanceof MongoSocketException && !(cause instanceof MongoSocketOpenException))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
