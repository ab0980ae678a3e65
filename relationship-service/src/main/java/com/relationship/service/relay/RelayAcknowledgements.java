package com.relationship.service.relay;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds a relay batch until Kafka has acknowledged every event sent in it. The pooled processor
 * stores the batch's token in the unit of work's prepare-commit phase, a callback it registers
 * before any handler runs; so the wait must happen while the batch's last message is handled,
 * which is what this interceptor does. A failed or late acknowledgement fails the batch: the
 * token stays where it was and the batch is sent again.
 */
public class RelayAcknowledgements implements MessageHandlerInterceptor<EventMessage<?>> {

    private final Duration timeout;
    private final RelayMetrics metrics;

    public RelayAcknowledgements(Duration timeout, RelayMetrics metrics) {
        this.timeout = timeout;
        this.metrics = metrics;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            Object result = chain.proceed();
            boolean lastOfBatch = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
            if (lastOfBatch) {
                awaitAcknowledgements(unitOfWork.root());
            }
            return result;
        } catch (Exception failed) {
            // A send refused outright (Kafka unreachable) or an acknowledgement that failed or came
            // too late: either way the batch is retried from its last stored token.
            metrics.batchFailed();
            List<CompletableFuture<?>> pending = unitOfWork.root().getResource(KafkaRelay.PENDING_SENDS);
            if (pending != null) {
                pending.clear();
            }
            throw failed;
        }
    }

    private void awaitAcknowledgements(UnitOfWork<?> root) throws Exception {
        List<CompletableFuture<?>> pending = root.getResource(KafkaRelay.PENDING_SENDS);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            throw new RelayFailedException("Kafka refused an event of this batch; it will be sent again",
                    failed.getCause());
        } catch (TimeoutException late) {
            throw new RelayFailedException("Kafka did not acknowledge this batch within " + timeout
                    + "; it will be sent again", late);
        } finally {
            pending.clear();
        }
    }

    /** The batch was not acknowledged; the processor retries it from the last stored token. */
    public static class RelayFailedException extends RuntimeException {
        RelayFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
