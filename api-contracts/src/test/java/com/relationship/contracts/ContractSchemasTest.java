package com.relationship.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.relationship.contracts.events.AccountEventTypes;
import com.relationship.contracts.events.AccountRegistered;
import com.relationship.contracts.events.ValueComponentAssessed;
import com.relationship.contracts.events.BondDissolved;
import com.relationship.contracts.events.BondEstablished;
import com.relationship.contracts.events.ContactAdded;
import com.relationship.contracts.events.CoDevelopmentEngagementRecorded;
import com.relationship.contracts.events.InteractionRecorded;
import com.relationship.contracts.events.PartnershipAgreementRecorded;
import com.relationship.contracts.events.SatisfactionSurveyed;
import com.relationship.contracts.events.ComplianceReviewRecorded;
import com.relationship.contracts.events.PurchaseRecorded;
import com.relationship.contracts.events.ReferralRecorded;
import com.relationship.contracts.events.ServiceActivityRecorded;
import com.relationship.contracts.churn.ChurnRiskChanged;
import com.relationship.contracts.value.AccountValueTierChanged;
import com.relationship.contracts.referencedata.ActivityRatesSet;
import com.relationship.contracts.referencedata.ExchangeRatesSet;
import com.relationship.contracts.status.AccountStatus;
import com.relationship.contracts.status.Firmographics;
import com.relationship.contracts.status.StagePeriod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The JSON Schemas in {@code src/main/resources/schemas} are the machine-readable form of the
 * published contracts: one per event type and revision ({@link AccountEventTypes}) and one for the
 * status read model ({@link AccountStatus#SCHEMA}). They are generated from the records; this test
 * regenerates each one and fails when the checked-in file differs, and it validates every golden
 * example against its schema, so records, examples and schemas cannot drift apart. After a
 * deliberate change, rewrite the files with
 * {@code ./mvnw -pl api-contracts test -Dtest=ContractSchemasTest -Dschemas.write=true}.
 */
class ContractSchemasTest {

    static final Path SCHEMAS = Path.of("src/main/resources/schemas");
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final String SUFFIX = ".schema.json";
    private static final String ID_PREFIX = "urn:relationship-lifecycle:schema:";
    private static final String REGENERATE = "./mvnw -pl api-contracts test -Dtest=ContractSchemasTest -Dschemas.write=true";

    /**
     * The record components that may be null, decided from the domain; every other component is
     * required and never null. On the write side, {@code Account} requires text, ids, amounts, times
     * and enums, and lets these be left out: a prospect's annual revenue (and so its currency), a
     * purchase's description, the referred company's name and a compliance review's notes. In the status, the lapsed-from
     * stage, the KAM stage and its time exist only once they apply, the classification is documented
     * as null when not classified, only the current stage period is still open, and a stale reason
     * exists only while the status is stale.
     */
    static final Map<Class<? extends Record>, Set<String>> MAY_BE_NULL = Map.ofEntries(
            Map.entry(AccountRegistered.class, Set.of("annualRevenue", "relationshipSince", "annualRevenueCurrency")),
            Map.entry(com.relationship.contracts.status.ProfitabilityStance.class, Set.of("decision", "since", "eventId",
                    "trailingYear", "belowZero")),
            Map.entry(com.relationship.contracts.status.ProfitabilityStance.TrailingYear.class, Set.of("marginPercent")),
            Map.entry(com.relationship.contracts.status.ValueStanding.class, Set.of("tier", "rank", "level")),
            Map.entry(PurchaseRecorded.class, Set.of("description", "orderRef", "grossMargin", "costOfGoods",
                    "productLine", "buyClass")),
            Map.entry(ReferralRecorded.class, Set.of("referredCompany", "ref")),
            Map.entry(CoDevelopmentEngagementRecorded.class, Set.of("ref")),
            Map.entry(PartnershipAgreementRecorded.class, Set.of("ref")),
            Map.entry(ComplianceReviewRecorded.class, Set.of("notes", "ref")),
            Map.entry(BondEstablished.class, Set.of("validUntil", "contactId")),
            Map.entry(BondDissolved.class, Set.of("departedContactId")),
            Map.entry(InteractionRecorded.class, Set.of("ref", "contact", "contactId")),
            Map.entry(ContactAdded.class, Set.of("email", "phone", "preferredChannel")),
            Map.entry(ValueComponentAssessed.class, Set.of("score", "amount", "currency")),
            Map.entry(ServiceActivityRecorded.class, Set.of("quantity", "amount", "currency", "description")),
            Map.entry(SatisfactionSurveyed.class, Set.of("comment", "ref")),
            Map.entry(AccountStatus.class, Set.of("lapsedFrom", "kamStage", "kamStageSince", "classification", "staleReason",
                    "bondingLevel", "lastInteraction", "standingAt", "owner", "profitability", "value")),
            Map.entry(Firmographics.class, Set.of("annualRevenue", "annualRevenueCurrency")),
            Map.entry(StagePeriod.class, Set.of("leftAt")),
            Map.entry(ChurnRiskChanged.class, Set.of("previousBand")),
            Map.entry(ChurnRiskChanged.Cause.class, Set.of("eventId")),
            Map.entry(AccountValueTierChanged.class, Set.of("tier", "previousTier", "rank", "topPercent")),
            Map.entry(AccountValueTierChanged.Cause.class, Set.of("previousScore", "previousRank")));

    /**
     * Components added to a published form after its first revision: always written now, but not
     * required, so the messages of the first form (still on a compacted topic) validate too.
     */
    static final Map<Class<? extends Record>, Set<String>> ADDED_LATER = Map.ofEntries(
            Map.entry(AccountStatus.class, Set.of("bondingLevel", "bondStrength", "churnScore", "churnBand", "lastInteraction",
                    "standingAt", "complianceHold", "owner", "profitability", "value")),
            Map.entry(PurchaseRecorded.class, Set.of("orderRef", "grossMargin", "costOfGoods", "productLine", "buyClass")),
            Map.entry(AccountRegistered.class, Set.of("relationshipSince", "annualRevenueCurrency")),
            Map.entry(Firmographics.class, Set.of("annualRevenueCurrency")),
            Map.entry(com.relationship.contracts.status.ProfitabilityStance.class, Set.of("trailingYear", "belowZero")),
            Map.entry(ReferralRecorded.class, Set.of("ref")),
            Map.entry(CoDevelopmentEngagementRecorded.class, Set.of("ref")),
            Map.entry(PartnershipAgreementRecorded.class, Set.of("ref")),
            Map.entry(ComplianceReviewRecorded.class, Set.of("ref")),
            Map.entry(InteractionRecorded.class, Set.of("ref", "contactId")),
            Map.entry(SatisfactionSurveyed.class, Set.of("ref")),
            Map.entry(BondEstablished.class, Set.of("contactId")),
            Map.entry(BondDissolved.class, Set.of("departedContactId")));

    private final ObjectMapper mapper = ContractJson.newObjectMapper();

    /** Every published JSON form by its public name: the event types and revisions, then the status. */
    static Map<String, Class<?>> contracts() {
        Map<String, Class<?>> contracts = new LinkedHashMap<>();
        AccountEventTypes.all().forEach(type -> contracts.put(AccountEventTypes.typeOf(type), type));
        contracts.put(AccountStatus.SCHEMA, AccountStatus.class);
        contracts.put(ChurnRiskChanged.SCHEMA, ChurnRiskChanged.class);
        contracts.put(AccountValueTierChanged.SCHEMA, AccountValueTierChanged.class);
        contracts.put(ExchangeRatesSet.SCHEMA, ExchangeRatesSet.class);
        contracts.put(ActivityRatesSet.SCHEMA, ActivityRatesSet.class);
        return contracts;
    }

    static Stream<String> names() {
        return contracts().keySet().stream();
    }

    /** With {@code -Dschemas.write=true}, (re)writes every schema before the tests compare and validate. */
    @BeforeAll
    static void writeSchemasWhenAsked() throws IOException {
        if (!Boolean.getBoolean("schemas.write")) {
            return;
        }
        ObjectMapper mapper = ContractJson.newObjectMapper();
        Files.createDirectories(SCHEMAS);
        for (Map.Entry<String, Class<?>> contract : contracts().entrySet()) {
            Files.writeString(SCHEMAS.resolve(contract.getKey() + SUFFIX), mapper.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(generate(contract.getKey(), contract.getValue())) + "\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void checkedInSchemaIsTheOneTheRecordsGenerate(String name) throws IOException {
        Path file = SCHEMAS.resolve(name + SUFFIX);
        if (!Files.exists(file)) {
            fail("No schema " + file + " for " + name + ": write it with " + REGENERATE);
        }
        assertThat(mapper.readTree(file.toFile()))
                .as("%s differs from what %s generates: a record changed. A breaking change bumps the revision;"
                        + " then regenerate with %s", file, contracts().get(name).getName(), REGENERATE)
                .isEqualTo(generate(name, contracts().get(name)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void goldenExampleIsValidAgainstItsSchema(String name) throws IOException {
        JsonNode example = mapper.readTree(GOLDEN.resolve(name + ".json").toFile());
        assertThat(validate(name, example)).as("golden/%s.json against %s%s", name, name, SUFFIX).isEmpty();
    }

    @Test
    void thereIsExactlyOneSchemaPerEventTypeOneForTheStatusTheChurnRiskTheValueTierAndEachKindOfReferenceData() throws IOException {
        Set<String> expected = contracts().keySet().stream().map(name -> name + SUFFIX).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(files.map(file -> file.getFileName().toString()).collect(Collectors.toSet()))
                    .as("files in %s", SCHEMAS)
                    .isEqualTo(expected);
        }
        assertThat(expected).hasSize(AccountEventTypes.all().size() + 5);
    }

    @Test
    void everyFieldThatMayBeNullIsAComponentOfItsRecord() {
        MAY_BE_NULL.forEach((type, names) -> assertThat(componentNames(type)).as(type.getSimpleName()).containsAll(names));
    }

    @Test
    void schemasRejectWhatTheContractDoesNotAllowAndTolerateNewFields() throws IOException {
        String purchase = PurchaseRecorded.class.getSimpleName();
        String name = AccountEventTypes.typeOf(PurchaseRecorded.class);
        ObjectNode golden = (ObjectNode) mapper.readTree(GOLDEN.resolve(name + ".json").toFile());

        assertThat(validate(name, golden.deepCopy().put("channel", "web"))).as(purchase + " with a new field").isEmpty();
        assertThat(validate(name, golden.deepCopy().putNull("description"))).as(purchase + " without description").isEmpty();
        assertThat(validate(name, golden.deepCopy().put("amount", "48000.50"))).as("amount as text").isNotEmpty();
        assertThat(validate(name, golden.deepCopy().putNull("currency"))).as("null currency").isNotEmpty();
        assertThat(validate(name, without(golden, "accountId"))).as("no accountId").isNotEmpty();
        assertThat(validate(name, golden.deepCopy().put("purchaseId", "42"))).as("purchaseId not a UUID").isNotEmpty();
        assertThat(validate(name, golden.deepCopy().put("occurredAt", "14.03.2026"))).as("occurredAt not ISO").isNotEmpty();

        String stage = AccountEventTypes.typeOf(com.relationship.contracts.events.LifecycleStageAdvanced.class);
        ObjectNode advanced = (ObjectNode) mapper.readTree(GOLDEN.resolve(stage + ".json").toFile());
        assertThat(validate(stage, advanced.deepCopy().put("to", "FRIEND"))).as("unknown stage").isNotEmpty();

        ObjectNode status = (ObjectNode) mapper.readTree(GOLDEN.resolve(AccountStatus.SCHEMA + ".json").toFile());
        assertThat(validate(AccountStatus.SCHEMA, status.deepCopy().putNull("kamStage").putNull("kamStageSince")))
                .as("status of an account never designated").isEmpty();
        ObjectNode firstForm = (ObjectNode) mapper.readTree(
                GOLDEN.resolve(AccountStatus.SCHEMA + ".first-form.json").toFile());
        assertThat(validate(AccountStatus.SCHEMA, firstForm)).as("a status of the first form, before its standing").isEmpty();
        ObjectNode beforeRevenueCurrency = (ObjectNode) mapper.readTree(
                GOLDEN.resolve(AccountStatus.SCHEMA + ".before-revenue-currency.json").toFile());
        assertThat(validate(AccountStatus.SCHEMA, beforeRevenueCurrency))
                .as("a status whose firmographics do not name the annual revenue's currency").isEmpty();
        String registered = AccountEventTypes.typeOf(AccountRegistered.class);
        ObjectNode registeredBefore = (ObjectNode) mapper.readTree(GOLDEN.resolve("earlier-forms")
                .resolve(registered + ".before-revenue-currency.json").toFile());
        assertThat(validate(registered, registeredBefore)).as("a registration that names no revenue currency").isEmpty();
        assertThat(validate(AccountStatus.SCHEMA, status.deepCopy().put("churnBand", "SEVERE")))
                .as("an unknown churn band").isNotEmpty();
        ObjectNode badTotal = status.deepCopy();
        ((ObjectNode) badTotal.get("purchaseTotals")).put("EUR", "lots");
        assertThat(validate(AccountStatus.SCHEMA, badTotal)).as("a total that is not a number").isNotEmpty();
    }

    // --- generation -----------------------------------------------------------------------------

    /** The schema of one published form: draft 2020-12, with its own id, title and description first. */
    static ObjectNode generate(String name, Class<?> type) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.STANDARD_FORMATS, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .without(Option.NULLABLE_FIELDS_BY_DEFAULT, Option.NULLABLE_METHOD_RETURN_VALUES_BY_DEFAULT);
        config.forFields()
                .withRequiredCheck(field -> !mayBeNull(field) && !addedLater(field))
                .withNullableCheck(ContractSchemasTest::mayBeNull);
        config.forTypesInGeneral()
                // A month is written yyyy-MM (the reference data's months), not as an object of its fields.
                .withCustomDefinitionProvider((javaType, context) -> javaType.getErasedType() == java.time.YearMonth.class
                        ? new com.github.victools.jsonschema.generator.CustomDefinition(context.getGeneratorConfig()
                        .createObjectNode().put("type", "string").put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])$"))
                        : null)
                // The JSON lists a record's fields in declaration order; so does its schema.
                .withPropertySorter(Comparator.comparingInt(ContractSchemasTest::declarationIndex))
                // Consumers must tolerate fields added later: ContractJson ignores unknown fields.
                .withTypeAttributeOverride((node, scope, context) -> {
                    if (scope.getType().getErasedType().isRecord()) {
                        node.put("additionalProperties", true);
                    }
                });
        ObjectNode generated = new SchemaGenerator(config.build()).generateSchema(type);

        ObjectNode schema = generated.objectNode();
        schema.set("$schema", generated.get("$schema"));
        schema.put("$id", ID_PREFIX + name);
        schema.put("title", type.getSimpleName() + " (" + name + ")");
        schema.put("description", description(name));
        generated.fields().forEachRemaining(field -> {
            if (!schema.has(field.getKey()) && !field.getKey().equals("$defs")) {
                schema.set(field.getKey(), field.getValue());
            }
        });
        if (generated.has("$defs")) {
            schema.set("$defs", generated.get("$defs"));
        }
        return schema;
    }

    private static String description(String name) {
        if (name.equals(AccountStatus.SCHEMA)) {
            return "The value of a record on Kafka topic " + Topics.ACCOUNT_STATUS + " (key = account id) and the"
                    + " body of projection-service's GET /api/v1/accounts/{id}/status. Readers must ignore fields"
                    + " they do not know.";
        }
        if (name.equals(ChurnRiskChanged.SCHEMA)) {
            return "The data of a CloudEvent of type " + name + " on Kafka topic " + Topics.CHURN_RISK
                    + " (compacted, key = account id): a change of an account's churn-risk band, with its score,"
                    + " factors and cause. Readers must ignore fields they do not know.";
        }
        if (name.equals(AccountValueTierChanged.SCHEMA)) {
            return "The data of a CloudEvent of type " + name + " on Kafka topic " + Topics.ACCOUNT_VALUE
                    + " (compacted, key = account id): a change of an account's value tier, with its score, rank and"
                    + " cause. Readers must ignore fields they do not know.";
        }
        if (name.equals(ExchangeRatesSet.SCHEMA) || name.equals(ActivityRatesSet.SCHEMA)) {
            return "The data of a CloudEvent of type " + name + " on Kafka topic " + Topics.REFERENCE_DATA
                    + " (compacted, key = the data's key, such as exchange-rates:2026-01): a new version of reference"
                    + " data an admin set. Readers must ignore fields they do not know.";
        }
        return "The data of a CloudEvent of type " + name + " on Kafka topic " + Topics.ACCOUNT_EVENTS
                + ". Readers must ignore fields they do not know.";
    }

    private static boolean mayBeNull(MemberScope<?, ?> member) {
        return MAY_BE_NULL.getOrDefault(member.getDeclaringType().getErasedType(), Set.of())
                .contains(member.getDeclaredName());
    }

    private static boolean addedLater(MemberScope<?, ?> member) {
        return ADDED_LATER.getOrDefault(member.getDeclaringType().getErasedType(), Set.of())
                .contains(member.getDeclaredName());
    }

    private static int declarationIndex(MemberScope<?, ?> member) {
        return componentNames(member.getDeclaringType().getErasedType()).indexOf(member.getDeclaredName());
    }

    private static List<String> componentNames(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? List.of() : Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    // --- validation -----------------------------------------------------------------------------

    private List<Error> validate(String name, JsonNode instance) throws IOException {
        JsonNode schemaNode = mapper.readTree(SCHEMAS.resolve(name + SUFFIX).toFile());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of(ID_PREFIX + name), schemaNode);
        return schema.validate(instance, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }

    private static ObjectNode without(ObjectNode node, String field) {
        ObjectNode copy = node.deepCopy();
        copy.remove(field);
        return copy;
    }
}
