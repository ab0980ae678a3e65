package com.relationship.service.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.relationship.contracts.events.PurchaseRecorded;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Currency;

/**
 * PurchaseRecorded stored at revision 1 (or with no revision), read as revision 2: the first form
 * had no {@code currency}, every purchase was in the one currency the business then used. A
 * revision-1 payload without a currency (or with a null one) gets {@code relationship.events.default-currency}
 * ({@link EventProperties}); one that already names its currency keeps it, so the revision-1
 * documents written before revision 2 existed (which all carry one) read unchanged.
 *
 * <p>Only at read time, in the event store's upcaster chain ({@code AxonInfrastructure}): loading
 * an account, its history and replays, and the relay all see the upcast event, and the relay
 * publishes it in today's public form, with a currency, under the unchanged type
 * {@code PurchaseRecorded.v1}. The stored document is never rewritten, so its hash
 * ({@code audit/EventHash}, over the stored strings) still verifies.
 *
 * <p>The currency is a configured constant, not one looked up per account (for example from the
 * account's other purchases): the relay reads the whole store in batches that mix accounts, and an
 * upcaster with context would give an event a different currency there than when the account is
 * loaded alone. A constant gives the same answer everywhere, on every read; so it must stay the
 * currency those first purchases were made in.
 */
public class PurchaseRecordedUpcaster extends SingleEventUpcaster {

    static final String PAYLOAD_TYPE = PurchaseRecorded.class.getName();
    static final String FIRST_REVISION = "1";
    static final String CURRENT_REVISION = "2";
    private static final SimpleSerializedType CURRENT = new SimpleSerializedType(PAYLOAD_TYPE, CURRENT_REVISION);

    private final String defaultCurrency;

    public PurchaseRecordedUpcaster(Currency defaultCurrency) {
        this.defaultCurrency = defaultCurrency.getCurrencyCode();
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return PAYLOAD_TYPE.equals(event.getType().getName())
                && (revision == null || FIRST_REVISION.equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(CURRENT, JsonNode.class, this::withCurrency);
    }

    private JsonNode withCurrency(JsonNode payload) {
        if (payload.hasNonNull("currency")) {
            return payload;
        }
        ObjectNode upcast = payload.deepCopy();
        upcast.put("currency", defaultCurrency);
        return upcast;
    }
}
