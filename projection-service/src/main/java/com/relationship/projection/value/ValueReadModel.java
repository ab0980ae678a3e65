package com.relationship.projection.value;

import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.ValueComponent;
import com.relationship.contracts.events.EnvelopedAccountEvent;
import com.relationship.projection.bonding.BondDocuments;
import com.relationship.projection.readmodel.ReadModel;
import org.bson.Document;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.relationship.projection.readmodel.MoneyDocuments.bigDecimal;
import static com.relationship.projection.readmodel.MoneyDocuments.decimal;
import static com.relationship.projection.bonding.BondDocuments.instant;

/**
 * The inputs of each account's lifetime value (issue 30), folded by {@link ValueFold} into collection
 * {@code account_value}. The scores, ranks and tiers are reckoned over the whole portfolio by
 * {@link ValueRanking}, with the revenue priced when it is asked for: nothing here depends on the clock or
 * the reference data, so a rebuilt view equals the live one.
 */
public final class ValueReadModel implements ReadModel<ValueView> {

    @Override
    public String name() {
        return "value";
    }

    @Override
    public String collection() {
        return "account_value";
    }

    @Override
    public ValueView apply(ValueView view, EnvelopedAccountEvent event) {
        return ValueFold.apply(view, event);
    }

    @Override
    public long lastAppliedSequence(ValueView view) {
        return view.lastAppliedSequence();
    }

    /** Money as {@code Decimal128} (exact, scale kept), instants as ISO-8601 strings, as the other read models. */
    @Override
    public void write(ValueView view, Document into) {
        Document judgements = new Document();
        view.judgements().forEach((component, j) -> judgements.append(component.name(), new Document("score", j.score())
                .append("amount", decimal(j.amount())).append("currency", j.currency()).append("rationale", j.rationale())
                .append("at", instant(j.at())).append("eventId", j.eventId())));
        ValueView.Level level = view.level();
        into.append("accountId", view.accountId().toString()).append("name", view.name()).append("owner", view.owner())
                .append("stage", view.stage().name())
                .append("classification", view.classification() == null ? null : view.classification().name())
                .append("clientSince", view.clientSince() == null ? null : instant(view.clientSince()))
                .append("bonds", BondDocuments.bonds(view.bonds()))
                .append("channelTouches", touches(view.channelTouches()))
                .append("referrals", touches(view.referrals()))
                .append("judgements", judgements)
                .append("wallet", view.wallet().stream().map(w -> new Document("estimateId", w.estimateId().toString())
                        .append("category", w.category()).append("amount", decimal(w.amount()))
                        .append("currency", w.currency()).append("period", w.period()).append("source", w.source())
                        .append("at", instant(w.at())).append("eventId", w.eventId())).toList())
                .append("level", level == null ? null : new Document("level", level.level())
                        .append("rationale", level.rationale()).append("at", instant(level.at()))
                        .append("eventId", level.eventId()))
                .append("lastAppliedSequence", view.lastAppliedSequence());
    }

    @Override
    public ValueView read(Document from) {
        if (from.getString("accountId") == null) {
            return null;
        }
        Map<ValueComponent, ValueView.Judgement> judgements = new EnumMap<>(ValueComponent.class);
        Document stored = from.get("judgements", Document.class);
        if (stored != null) {
            stored.forEach((component, value) -> {
                Document j = (Document) value;
                judgements.put(ValueComponent.valueOf(component), new ValueView.Judgement(j.getInteger("score"),
                        bigDecimal(j.get("amount")), j.getString("currency"), j.getString("rationale"), instant(j, "at"),
                        j.getString("eventId")));
            });
        }
        Document level = from.get("level", Document.class);
        String classification = from.getString("classification");
        return new ValueView(UUID.fromString(from.getString("accountId")), from.getString("name"), from.getString("owner"),
                LifecycleStage.valueOf(from.getString("stage")),
                classification == null ? null : Classification.valueOf(classification),
                instant(from, "clientSince"),
                BondDocuments.bonds(from, "bonds"), touches(from, "channelTouches"), touches(from, "referrals"),
                judgements,
                from.getList("wallet", Document.class, List.of()).stream().map(w -> new ValueView.WalletEstimate(
                        UUID.fromString(w.getString("estimateId")), w.getString("category"), bigDecimal(w.get("amount")),
                        w.getString("currency"), w.getString("period"), w.getString("source"), instant(w, "at"),
                        w.getString("eventId"))).toList(),
                level == null ? null : new ValueView.Level(level.getInteger("level"), level.getString("rationale"),
                        instant(level, "at"), level.getString("eventId")),
                ((Number) from.get("lastAppliedSequence")).longValue());
    }

    private static List<Document> touches(List<ValueView.Touch> touches) {
        return touches.stream().map(t -> new Document("at", instant(t.at())).append("kind", t.kind())
                .append("eventId", t.eventId())).toList();
    }

    private static List<ValueView.Touch> touches(Document from, String key) {
        return from.getList(key, Document.class, List.of()).stream()
                .map(t -> new ValueView.Touch(instant(t, "at"), t.getString("kind"), t.getString("eventId"))).toList();
    }
}
