package com.relationship.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.BuyClass;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.ContactRole;
import com.relationship.contracts.account.ComplianceOutcome;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.account.SurveyInstrument;
import com.relationship.contracts.account.ValueComponent;
import com.relationship.contracts.events.*;
import com.relationship.contracts.account.ConversionLever;
import com.relationship.contracts.account.ProfitabilityDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The serialised form of each event type and revision is a public contract: this test fails
 * when it changes. A deliberate change bumps the revision in {@link AccountEventTypes}, adds a
 * golden file for it, and adds an upcaster on the write side. Regenerate a missing file with
 * {@code -Dgolden.write=true}.
 */
class EventGoldenFilesTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final UUID ITEM = UUID.fromString("0e7a3c2d-4b1f-4a6e-8c9d-1a2b3c4d5e6f");
    private static final UUID CONTACT = UUID.fromString("7d1e9b4a-2c3f-4e5d-8a6b-9c0d1e2f3a4b");
    private static final Instant AT = Instant.parse("2026-03-14T09:30:00Z");

    private final ObjectMapper mapper = ContractJson.newObjectMapper();

    static List<AccountEvent> samples() {
        return List.of(
                new AccountRegistered(ACCOUNT, "Acme Industrial GmbH", "Manufacturing", 1200,
                        new BigDecimal("250000000.00"), "EMEA", Classification.STRATEGIC,
                        Instant.parse("2024-11-04T00:00:00Z"), "EUR"),
                new PurchaseRecorded(ACCOUNT, ITEM, new BigDecimal("48000.50"), "EUR", AT, "Annual licence", "PO-2026-0042",
                        new BigDecimal("14400.15"), null, "Analytics suite", BuyClass.MODIFIED_REBUY),
                new ReferralRecorded(ACCOUNT, ITEM, "Introduced us to their sister plant", "Acme Logistics", "CRM-REF-17"),
                new ComplaintOpened(ACCOUNT, ITEM, "Late delivery of batch 12", AT),
                new ComplaintResolved(ACCOUNT, ITEM, "Expedited replacement shipped"),
                new CoDevelopmentEngagementRecorded(ACCOUNT, ITEM, "Joint roadmap workshop", "WS-2026-03"),
                new PartnershipAgreementRecorded(ACCOUNT, ITEM, "Joint go-to-market agreement", AT, "CTR-88"),
                new ComplianceReviewRecorded(ACCOUNT, ITEM, ComplianceOutcome.APPROVED, "Legal: J. Doe",
                        "No dependency above 30% of revenue", "LEGAL-2026-9"),
                new LifecycleStageAdvanced(ACCOUNT, LifecycleStage.CUSTOMER, LifecycleStage.CLIENT),
                new LifecycleStageDowngraded(ACCOUNT, LifecycleStage.ADVOCATE, LifecycleStage.CLIENT,
                        "Broke the co-development commitment"),
                new AccountLapsed(ACCOUNT, LifecycleStage.CLIENT, "Switched to a competitor"),
                new AccountWonBack(ACCOUNT, "New contract after the competitor failed to deliver"),
                new ProspectDisqualified(ACCOUNT, "No budget this fiscal year"),
                new ProspectRequalified(ACCOUNT, "Budget approved for next year"),
                new AccountClassified(ACCOUNT, Classification.TACTICAL, "Revenue only, no future advantage"),
                new KeyAccountDesignated(ACCOUNT, "Largest growth potential in the region"),
                new KamStageAdvanced(ACCOUNT, KamStage.PRE_KAM, KamStage.EARLY_KAM),
                new KeyAccountUncoupled(ACCOUNT, KamStage.SYNERGISTIC_KAM, "Dependency above 40% of their revenue"),
                new BondEstablished(ACCOUNT, ITEM, BondKind.STRUCTURAL, "EDI integration of their ordering", AT,
                        null),
                new BondDissolved(ACCOUNT, ITEM, BondKind.SOCIAL, "Their head of purchasing left", CONTACT),
                new InteractionRecorded(ACCOUNT, ITEM, InteractionChannel.MEETING, InteractionDirection.TWO_WAY,
                        "J. Smith, head of purchasing", "Quarterly business review", AT, "CAL-5531", CONTACT),
                new SatisfactionSurveyed(ACCOUNT, ITEM, 9, SurveyInstrument.NPS, "Fast support", AT, "NPS-Q1-204"),
                new ContactAdded(ACCOUNT, CONTACT, "Jane Smith", "Head of purchasing", "jane.smith@acme.example",
                        "+49 30 1234567", ContactRole.DECISION_MAKER, 5, InteractionChannel.MEETING),
                new ContactRoleAssessed(ACCOUNT, CONTACT, ContactRole.CHAMPION, 4, "Backed our bid in the steering committee"),
                new ContactLeft(ACCOUNT, CONTACT, "Moved to a competitor"),
                new ContactErased(ACCOUNT, CONTACT, "Art. 17 request, ticket DPO-2026-0042"),
                new AccountOwnerAssigned(ACCOUNT, "alice", OwnerKind.DEVELOPER, "Won; now to be grown"),
                new ValueComponentAssessed(ACCOUNT, ValueComponent.PROJECTED_SPEND, null, new BigDecimal("1200000.00"),
                        "EUR", "Their five-year plan doubles the plant"),
                new WalletEstimated(ACCOUNT, ITEM, "Industrial sensors", new BigDecimal("3500000.00"), "EUR", "2026",
                        "Head of purchasing, at the QBR"),
                new RelationshipLevelAssessed(ACCOUNT, 4, "They ask for Jane by name"),
                new ServiceActivityRecorded(ACCOUNT, ITEM, "EXPEDITED_DELIVERY", null, new BigDecimal("340.00"), "USD",
                        "Courier to Lyon for the line stoppage"),
                new ProfitabilityDecided(ACCOUNT, ProfitabilityDecision.CONVERT, List.of(ConversionLever.RAISE_PRICES,
                        ConversionLever.CHARGE_FOR_SERVICES), "Loses 12,000 EUR a year on expedited deliveries"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void serialisedFormMatchesItsGoldenFile(AccountEvent event) throws IOException {
        Path file = GOLDEN.resolve(AccountEventTypes.typeOf(event.getClass()) + ".json");
        String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        if (!Files.exists(file)) {
            if (Boolean.getBoolean("golden.write")) {
                Files.writeString(file, json + "\n");
            } else {
                fail("No golden file " + file + ": a new event type or revision needs one (-Dgolden.write=true)");
            }
        }
        JsonNode golden = mapper.readTree(file.toFile());
        assertThat(mapper.readTree(json)).isEqualTo(golden);
        assertThat(mapper.treeToValue(golden, event.getClass())).isEqualTo(event);
    }

    /**
     * The forms published before a field was added (the seller's references of issue 25, when the
     * relationship began; the contact ids of issue 28; the annual revenue's currency of issue 29): in the
     * event store and on the topic, forever.
     * An event's first form is {@code earlier-forms/<type>.json}, each later one
     * {@code earlier-forms/<type>.before-<what came next>.json}. Each decodes as today's sample with the
     * fields it lacks null. Never edit these files.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("earlierForms")
    void anEarlierFormStillDecodes(String file, AccountEvent event) throws IOException {
        JsonNode old = mapper.readTree(GOLDEN.resolve("earlier-forms").resolve(file).toFile());
        com.fasterxml.jackson.databind.node.ObjectNode expected = mapper.valueToTree(event);
        List<String> added = new java.util.ArrayList<>();
        expected.fieldNames().forEachRemaining(field -> {
            if (!old.has(field)) {
                added.add(field);
            }
        });
        assertThat(added).as("fields the earlier form lacks").isNotEmpty();
        added.forEach(expected::putNull);
        assertThat(mapper.<JsonNode>valueToTree(mapper.treeToValue(old, event.getClass()))).isEqualTo(expected);
    }

    /** Every earlier form with today's sample of its type; none for an event whose form never changed. */
    static Stream<Arguments> earlierForms() throws IOException {
        List<String> files;
        try (Stream<Path> listed = Files.list(GOLDEN.resolve("earlier-forms"))) {
            files = listed.map(path -> path.getFileName().toString()).sorted().toList();
        }
        return samples().stream().flatMap(event -> {
            String type = AccountEventTypes.typeOf(event.getClass());
            return files.stream().filter(file -> file.equals(type + ".json")
                    || file.startsWith(type + ".before-")).map(file -> Arguments.of(file, event));
        });
    }

    @Test
    void everyEarlierFormIsOfAKnownType() throws IOException {
        long matched = earlierForms().count();
        try (Stream<Path> listed = Files.list(GOLDEN.resolve("earlier-forms"))) {
            assertThat(listed.count()).as("files in earlier-forms that name an event type").isEqualTo(matched);
        }
    }

    @Test
    void everyEventTypeHasASampleAndIsInTheCatalogue() {
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> permitted = Arrays.stream(AccountEvent.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertThat(sampled).isEqualTo(permitted);
        assertThat(Set.copyOf(AccountEventTypes.all())).isEqualTo(permitted);
    }

    @Test
    void typeNamesRoundTrip() {
        for (Class<? extends AccountEvent> type : AccountEventTypes.all()) {
            assertThat(AccountEventTypes.classOf(AccountEventTypes.typeOf(type))).contains(type);
        }
        assertThat(AccountEventTypes.typeOf(AccountLapsed.class)).isEqualTo("com.relationship.account.AccountLapsed.v1");
        assertThat(AccountEventTypes.classOf("com.relationship.account.AccountLapsed.v9")).isEmpty();
    }
}
