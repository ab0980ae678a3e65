package com.relationship.service.upcasting;

import com.relationship.contracts.events.AccountEvent;
import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.contracts.events.PurchaseRecorded;
import org.axonframework.serialization.RevisionResolver;

import java.util.Map;

/**
 * The revision each event is stored with ({@code payloadRevision}), which the upcasters read.
 *
 * <p>It is the store's own, not the public one: the public revision ({@link AccountEventTypes},
 * the {@code .v1} of the CloudEvent type) names the form consumers see, and changes only when that
 * form breaks. A stored form can change without that: an old stored form that an upcaster turns
 * into today's is read, relayed and audited in the current public form, under the same type.
 * So PurchaseRecorded is stored at revision 2 (with {@code currency}) and upcast from 1 (see
 * {@link PurchaseRecordedUpcaster}), while its public type stays {@code PurchaseRecorded.v1}.
 * Every other event keeps the revision it was always stored with, its public one (1).
 */
public class StoredRevisions implements RevisionResolver {

    /** Stored revisions that differ from the public one. */
    private static final Map<Class<? extends AccountEvent>, String> CHANGED =
            Map.of(PurchaseRecorded.class, PurchaseRecordedUpcaster.CURRENT_REVISION);

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (!AccountEvent.class.isAssignableFrom(payloadType)) {
            return null;
        }
        String changed = CHANGED.get(payloadType);
        return changed != null ? changed : String.valueOf(AccountEventTypes.revisionOf(payloadType));
    }
}
