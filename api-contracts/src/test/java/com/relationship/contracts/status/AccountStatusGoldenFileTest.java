package com.relationship.contracts.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.relationship.contracts.ContractJson;
import com.relationship.contracts.account.BondKind;
import com.relationship.contracts.account.Classification;
import com.relationship.contracts.account.InteractionChannel;
import com.relationship.contracts.account.InteractionDirection;
import com.relationship.contracts.account.KamStage;
import com.relationship.contracts.account.LifecycleStage;
import com.relationship.contracts.account.OwnerKind;
import com.relationship.contracts.churn.ChurnBand;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The JSON of {@link AccountStatus} on the compacted status topic is a public contract for
 * dashboards: this test fails when it changes. A breaking change bumps {@link AccountStatus#SCHEMA}
 * and the topic's major version and gets a golden file of its own; adding a field is compatible
 * (readers ignore unknown fields) but still updates this file ({@code -Dgolden.write=true} writes a
 * missing one).
 */
class AccountStatusGoldenFileTest {

    private static final Path FILE = Path.of("src/test/resources/golden", AccountStatus.SCHEMA + ".json");
    private static final UUID ACCOUNT = UUID.fromString("5b0c1f9e-7d53-4c4e-9a51-2f7c3b7f0a11");
    private static final UUID COMPLAINT = UUID.fromString("0e7a3c2d-4b1f-4a6e-8c9d-1a2b3c4d5e6f");

    private final ObjectMapper mapper = ContractJson.newObjectMapper();

    /** An account that lapsed from CLIENT: every field has a value, including the nullable ones. */
    static AccountStatus sample() {
        return sample(new Firmographics("Manufacturing", 1200, new BigDecimal("250000000.00"), "EMEA", "EUR"));
    }

    /** The sample as the forms before the annual revenue's currency read it: the firmographics without it. */
    private static AccountStatus sampleBeforeTheRevenueCurrency() {
        return sample(new Firmographics("Manufacturing", 1200, new BigDecimal("250000000.00"), "EMEA")).asPublished();
    }

    private static AccountStatus sample(Firmographics firmographics) {
        Instant registered = Instant.parse("2026-01-05T08:00:00Z");
        Instant customer = Instant.parse("2026-02-01T10:15:00Z");
        Instant client = Instant.parse("2026-03-14T09:30:00.123456Z");
        Instant lapsed = Instant.parse("2026-06-30T17:00:00Z");
        return new AccountStatus(ACCOUNT, "Acme Industrial GmbH", firmographics, LifecycleStage.LAPSED, lapsed,
                LifecycleStage.CLIENT,
                List.of(new StagePeriod(LifecycleStage.PROSPECT, registered, customer),
                        new StagePeriod(LifecycleStage.CUSTOMER, customer, client),
                        new StagePeriod(LifecycleStage.CLIENT, client, lapsed),
                        new StagePeriod(LifecycleStage.LAPSED, lapsed, null)),
                KamStage.EARLY_KAM, Instant.parse("2026-04-01T12:00:00Z"), Classification.STRATEGIC,
                ExchangeType.TRANSACTIONAL, 3,
                Map.of("EUR", new BigDecimal("96001.00"), "USD", new BigDecimal("12000.5")),
                List.of(new OpenComplaint(COMPLAINT, "Late delivery of batch 12",
                        Instant.parse("2026-07-15T00:00:00Z"), Instant.parse("2026-06-01T09:00:00Z"))),
                11, lapsed, false, null, BondKind.SOCIAL, 20, 72, ChurnBand.HIGH,
                new LastInteraction(Instant.parse("2026-06-12T14:00:00Z"), InteractionChannel.CALL,
                        InteractionDirection.OUTBOUND, "6f1d2c3b-0a9e-4d8c-b7a6-5f4e3d2c1b0a"),
                Instant.parse("2026-07-20T00:00:00Z"), true,
                new AccountOwner("alice", OwnerKind.DEVELOPER, Instant.parse("2026-02-01T10:15:00Z")),
                new ProfitabilityStance(com.relationship.contracts.account.ProfitabilityDecision.CONVERT,
                        List.of(com.relationship.contracts.account.ConversionLever.CHARGE_FOR_SERVICES),
                        Instant.parse("2026-05-04T09:00:00Z"), "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d")
                        .withTrailingYear(new ProfitabilityStance.TrailingYear("the 12 months to 2026-07", "2025-08",
                                "2026-08", "EUR", new BigDecimal("108001.50"), new BigDecimal("-2150.25"),
                                new BigDecimal("-2.0"), false, Instant.parse("2026-07-20T00:00:01Z"))))
                .withValue(new ValueStanding(new BigDecimal("41.5"), "BZ", 12, 40, 3, Instant.parse("2026-07-20T00:00:02Z")));
    }

    @Test
    void serialisedFormMatchesItsGoldenFile() throws IOException {
        String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(sample());
        if (!Files.exists(FILE)) {
            if (Boolean.getBoolean("golden.write")) {
                Files.writeString(FILE, json + "\n");
            } else {
                fail("No golden file " + FILE + " (-Dgolden.write=true writes it)");
            }
        }
        JsonNode golden = mapper.readTree(FILE.toFile());
        assertThat(mapper.readTree(json)).isEqualTo(golden);
        assertThat(mapper.treeToValue(golden, AccountStatus.class)).isEqualTo(sample());
    }

    @Test
    void moneyKeepsItsScaleAndTimesAreIso8601() throws IOException {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(sample()));
        assertThat(json.get("purchaseTotals").get("EUR").decimalValue()).isEqualTo(new BigDecimal("96001.00"));
        assertThat(json.get("purchaseTotals").get("EUR").toString()).isEqualTo("96001.00");
        assertThat(json.get("stagePeriods").get(2).get("enteredAt").asText()).isEqualTo("2026-03-14T09:30:00.123456Z");
        assertThat(json.get("stagePeriods").get(3).get("leftAt").isNull()).isTrue();
    }

    @Test
    void readersIgnoreFieldsAddedLater() throws IOException {
        String json = mapper.writeValueAsString(sample()).replaceFirst("\\{", "{\"valueTier\":\"MVC\",");
        assertThat(mapper.readValue(json, AccountStatus.class)).isEqualTo(sample());
    }

    /** A status published before bonding level, churn risk and last interaction were added still reads. */
    @Test
    void theFirstFormStillReads() throws IOException {
        AccountStatus first = mapper.readValue(FILE.resolveSibling(AccountStatus.SCHEMA + ".first-form.json").toFile(),
                AccountStatus.class);
        AccountStatus s = sampleBeforeTheRevenueCurrency();
        assertThat(first).isEqualTo(new AccountStatus(s.accountId(), s.name(), s.firmographics(), s.stage(),
                s.stageSince(), s.lapsedFrom(), s.stagePeriods(), s.kamStage(), s.kamStageSince(), s.classification(),
                s.exchangeType(), s.purchaseCount(), s.purchaseTotals(), s.openComplaints(), s.lastAppliedSequence(),
                s.updatedAt(), false, null, null, 0, 0, null, null, null, false));
    }

    /** A status published before it showed the compliance hold reads with none. */
    @Test
    void theFormBeforeTheComplianceHoldStillReads() throws IOException {
        AccountStatus before = mapper.readValue(FILE.resolveSibling(AccountStatus.SCHEMA + ".before-compliance-hold.json")
                .toFile(), AccountStatus.class);
        assertThat(before.complianceHold()).isFalse();
        assertThat(before).isEqualTo(sampleWithout(false));
    }

    /** A status published before it showed the owner reads with none. */
    @Test
    void theFormBeforeTheOwnerStillReads() throws IOException {
        AccountStatus before = mapper.readValue(FILE.resolveSibling(AccountStatus.SCHEMA + ".before-owner.json")
                .toFile(), AccountStatus.class);
        assertThat(before.owner()).isNull();
        assertThat(before).isEqualTo(sampleWithout(sample().complianceHold()));
    }

    /** A status answered before it showed the value standing reads without it. */
    @Test
    void theFormBeforeTheValueStandingStillReads() throws IOException {
        AccountStatus before = mapper.readValue(FILE.resolveSibling(AccountStatus.SCHEMA + ".before-value.json").toFile(),
                AccountStatus.class);
        assertThat(before.value()).isNull();
        assertThat(before.withValue(sample().value())).isEqualTo(sample());
    }

    /** A status published (or answered) before it showed the trailing year's figures reads without them. */
    @Test
    void theFormBeforeTheTrailingYearStillReads() throws IOException {
        AccountStatus before = mapper.readValue(FILE.resolveSibling(AccountStatus.SCHEMA + ".before-trailing-year.json")
                .toFile(), AccountStatus.class);
        ProfitabilityStance s = sample().profitability();
        assertThat(before.profitability()).isEqualTo(new ProfitabilityStance(s.decision(), s.levers(), s.since(), s.eventId()));
        assertThat(before.profitability().trailingYear()).isNull();
        assertThat(before.profitability().belowZero()).isNull();
        assertThat(before.withProfitability(s).withValue(sample().value())).isEqualTo(sample());
        assertThat(sample().asPublished()).as("the topic's form: the decision without the figures priced on read")
                .isEqualTo(before);
    }

    /** A status published before it showed the profitability decision reads with none. */
    @Test
    void theFormBeforeTheProfitabilityDecisionStillReads() throws IOException {
        AccountStatus before = mapper.readValue(FILE.resolveSibling(AccountStatus.SCHEMA + ".before-profitability.json")
                .toFile(), AccountStatus.class);
        AccountStatus s = sampleBeforeTheRevenueCurrency();
        assertThat(before.profitability()).isNull();
        assertThat(before).isEqualTo(new AccountStatus(s.accountId(), s.name(), s.firmographics(), s.stage(),
                s.stageSince(), s.lapsedFrom(), s.stagePeriods(), s.kamStage(), s.kamStageSince(), s.classification(),
                s.exchangeType(), s.purchaseCount(), s.purchaseTotals(), s.openComplaints(), s.lastAppliedSequence(),
                s.updatedAt(), s.stale(), s.staleReason(), s.bondingLevel(), s.bondStrength(), s.churnScore(),
                s.churnBand(), s.lastInteraction(), s.standingAt(), s.complianceHold(), s.owner()));
    }

    /** A status published before its firmographics named the annual revenue's currency reads with none. */
    @Test
    void theFormBeforeTheRevenueCurrencyStillReads() throws IOException {
        AccountStatus before = mapper.readValue(FILE.resolveSibling(AccountStatus.SCHEMA
                + ".before-revenue-currency.json").toFile(), AccountStatus.class);
        assertThat(before.firmographics().annualRevenueCurrency()).isNull();
        assertThat(before).isEqualTo(sampleBeforeTheRevenueCurrency());
    }

    /** The sample as a form without the owner (and with {@code complianceHold} as that form had it) reads. */
    private static AccountStatus sampleWithout(boolean complianceHold) {
        AccountStatus s = sampleBeforeTheRevenueCurrency();
        return new AccountStatus(s.accountId(), s.name(), s.firmographics(), s.stage(), s.stageSince(), s.lapsedFrom(),
                s.stagePeriods(), s.kamStage(), s.kamStageSince(), s.classification(), s.exchangeType(),
                s.purchaseCount(), s.purchaseTotals(), s.openComplaints(), s.lastAppliedSequence(), s.updatedAt(),
                s.stale(), s.staleReason(), s.bondingLevel(), s.bondStrength(), s.churnScore(), s.churnBand(),
                s.lastInteraction(), s.standingAt(), complianceHold);
    }

    @Test
    void collectionsAreNeverNull() {
        AccountStatus bare = new AccountStatus(ACCOUNT, null, null, LifecycleStage.PROSPECT, null, null, null, null,
                null, null, ExchangeType.TRANSACTIONAL, 0, null, null, 0, null, false, null);
        assertThat(bare.stagePeriods()).isEmpty();
        assertThat(bare.purchaseTotals()).isEmpty();
        assertThat(bare.openComplaints()).isEmpty();
    }
}
