package com.relationship.service.relay;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;

import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every read of the event collection made on the relay's behalf, as the driver sent it, with the read
 * concern it carried. A read is the relay's when its caller is: the driver calls a listener on the
 * thread that sent the command, so the stack names it (the publisher and the reconciler; the event
 * store's producer, which runs the tracking query). Reads the aggregate, the audit trail or a test
 * make are left out.
 */
final class RelayReads implements CommandListener {

    /** One read: by whom (the class of the relay's path that made it), which command, which read concern. */
    record Read(String by, String command, String readConcern) {
    }

    private static final Set<String> READS = Set.of("find", "aggregate", "count");
    private static final List<String> RELAY_PATH = List.of(RelayPublisher.class.getName(),
            RelayReconciler.class.getName(), "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore$EventProducer");

    private final String collection;
    private final Queue<Read> reads = new ConcurrentLinkedQueue<>();

    RelayReads(String collection) {
        this.collection = collection;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        if (!READS.contains(event.getCommandName())
                || !collection.equals(command.get(event.getCommandName()).asString().getValue())) {
            return;
        }
        String by = null;
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (RELAY_PATH.contains(frame.getClassName())) {
                by = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
                break; // the innermost: the publisher's read, even when the reconciler called it
            }
        }
        if (by != null) {
            BsonDocument concern = command.getDocument("readConcern", new BsonDocument());
            reads.add(new Read(by, event.getCommandName(),
                    concern.containsKey("level") ? concern.getString("level").getValue() : "local (none sent)"));
        }
    }

    List<Read> all() {
        return List.copyOf(reads);
    }
}
