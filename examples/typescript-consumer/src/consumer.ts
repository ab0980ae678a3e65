// How a TypeScript team reads relationship.account-events.v1 (docs/topics.md): kafkajs for Kafka, the
// CloudEvents SDK for the envelope. Copy it and replace the printing with what your service does.
//
//   npm ci && npm run build
//   node dist/consumer.js [--brokers 127.0.0.1:9092] [--group typescript-consumer-example] [--until-caught-up]
//
// Without --until-caught-up it runs until Ctrl-C; with it, it stops once it has read everything the
// topic held when it joined (a backfill, the example's test). Either way it prints one line per event
// and, last, a line "summary {json}": the events read per type, the re-sends skipped, the unknown types.
import { CloudEvent, Kafka as CloudEventsKafka, KafkaMessage as CloudEventsKafkaMessage } from "cloudevents";
import { Kafka, KafkaMessage, logLevel } from "kafkajs";
import { parseArgs } from "node:util";

export const TOPIC = "relationship.account-events.v1";

// Every event type this consumer knows: api-contracts' AccountEventTypes. The type names the revision
// (.v1): a new revision is a new type, with its own JSON Schema in api-contracts
// (src/main/resources/schemas/<type>.schema.json) to generate or check a type for `data` from.
export const KNOWN_TYPES: readonly string[] = [
  "AccountRegistered", "PurchaseRecorded", "ReferralRecorded", "ComplaintOpened", "ComplaintResolved",
  "CoDevelopmentEngagementRecorded", "PartnershipAgreementRecorded", "ComplianceReviewRecorded",
  "LifecycleStageAdvanced", "LifecycleStageDowngraded", "AccountLapsed", "AccountWonBack",
  "ProspectDisqualified", "ProspectRequalified", "AccountClassified", "KeyAccountDesignated",
  "KamStageAdvanced", "KeyAccountUncoupled", "BondEstablished", "BondDissolved", "InteractionRecorded",
  "SatisfactionSurveyed", "ContactAdded", "ContactRoleAssessed", "ContactLeft", "ContactErased",
  "AccountOwnerAssigned", "ValueComponentAssessed", "WalletEstimated", "RelationshipLevelAssessed",
  "ServiceActivityRecorded", "ProfitabilityDecided",
].map((name) => `com.relationship.account.${name}.v1`);

// `data` is the event record as JSON: every event has its accountId; the rest depends on the type.
// JSON.parse reads decimals (amounts, revenue) as numbers: use a decimal parser where cents matter.
type AccountEventData = { accountId: string } & Record<string, unknown>;

export interface Summary {
  read: Record<string, number>; // events handled, per type
  duplicates: number; // re-sends skipped (a sequence already applied)
  unknown: Record<string, number>; // messages of a type this consumer does not know, per type
  unreadable: number; // messages that are not a valid CloudEvent
  traceparents: number; // events that carried the W3C trace context of the request that caused them
}

async function main(): Promise<void> {
  const { values: options } = parseArgs({
    options: {
      brokers: { type: "string", default: "127.0.0.1:9092" },
      group: { type: "string", default: "typescript-consumer-example" },
      "until-caught-up": { type: "boolean", default: false },
    },
  });
  const kafka = new Kafka({ clientId: "typescript-consumer-example", brokers: options.brokers.split(","),
    logLevel: logLevel.WARN });
  const summary: Summary = { read: {}, duplicates: 0, unknown: {}, unreadable: 0, traceparents: 0 };
  // The last sequence applied per account. Delivery is at least once: a re-send carries the same
  // sequence and is skipped. A real consumer keeps this with its own data, written in the same
  // transaction as what it did with the event, so a re-send after a crash is skipped too.
  const applied = new Map<string, number>();

  const consumer = kafka.consumer({ groupId: options.group, readUncommitted: false });
  const ends = options["until-caught-up"] ? await endOffsets(kafka, options.group) : undefined;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const caughtUp = (partition: number, offset: string) => {
    if (ends && ends.has(partition) && BigInt(offset) + 1n >= ends.get(partition)!) {
      ends.delete(partition);
      if (ends.size === 0) finish();
    }
  };
  if (ends?.size === 0) finish();
  // A partition whose last records are transaction markers ends on a batch with nothing to hand over.
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
    if (payload.offsetLag === "0") caughtUp(payload.partition, (BigInt(payload.highWatermark) - 1n).toString());
  });

  await consumer.connect();
  // A new group starts at the beginning: the topic keeps every event.
  await consumer.subscribe({ topics: [TOPIC], fromBeginning: true });
  await consumer.run({
    // kafkajs marks a message handled once this returns and commits after each batch: at least once.
    eachMessage: async ({ partition, message }) => {
      try {
        handle(message, applied, summary);
      } catch (error: unknown) {
        // Not a CloudEvent, or not a valid one: a real consumer parks it (a dead-letter topic) and goes on.
        summary.unreadable++;
        console.error(`unreadable message at ${TOPIC}/${partition}@${message.offset}: ${String(error)}`);
      }
      caughtUp(partition, message.offset);
    },
  });
  process.once("SIGINT", finish);
  process.once("SIGTERM", finish);
  await finished;
  await consumer.disconnect();
  console.log(`summary ${JSON.stringify(summary)}`);
}

function handle(message: KafkaMessage, applied: Map<string, number>, summary: Summary): void {
  // Structured mode: the whole CloudEvent is the value, `content-type: application/cloudevents+json`.
  // The SDK reads the headers as text; kafkajs gives them as bytes.
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = value.toString();
  }
  const kafkaMessage: CloudEventsKafkaMessage<Buffer> = {
    key: message.key ?? "", value: message.value ?? Buffer.alloc(0), body: message.value, headers };
  const parsed = CloudEventsKafka.toEvent(kafkaMessage);
  const event = (Array.isArray(parsed) ? parsed[0] : parsed) as CloudEvent<AccountEventData>;
  event.validate(); // against the CloudEvents 1.0 spec; throws a ValidationError saying what is wrong

  if (!KNOWN_TYPES.includes(event.type)) {
    // A type or revision added after this consumer was written. Skipping loses it for this consumer;
    // a real one stops, or parks the message, until it is taught the type.
    summary.unknown[event.type] = (summary.unknown[event.type] ?? 0) + 1;
    console.log(`unknown type ${event.type} (id ${event.id}): not read`);
    return;
  }
  // Extensions are JSON strings: "sequence":"12". An account's events come in order, with no gaps.
  const account = event.subject!;
  const sequence = Number(event["sequence"]);
  if (sequence <= (applied.get(account) ?? -1)) {
    summary.duplicates++;
    return;
  }
  // The W3C trace context of the request that caused the event, where it had one: continue the trace from it.
  const traceparent = typeof event["traceparent"] === "string" ? event["traceparent"] : undefined;
  if (traceparent) summary.traceparents++;
  const data = event.data!;
  console.log(`${account} #${sequence} ${event.type} at ${event.time} by ${String(event["actor"])}: `
    + `${Object.keys(data).length} fields${traceparent ? `, trace ${traceparent}` : ""}`);
  applied.set(account, sequence);
  summary.read[event.type] = (summary.read[event.type] ?? 0) + 1;
}

// The next offset of every partition that holds records this group has not read yet: read_committed,
// so what a consumer can reach.
async function endOffsets(kafka: Kafka, group: string): Promise<Map<number, bigint>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topic = await admin.fetchTopicOffsets(TOPIC);
    const [committed] = await admin.fetchOffsets({ groupId: group, topics: [TOPIC] });
    const ends = new Map<number, bigint>();
    for (const { partition, high, low } of topic) {
      const done = committed?.partitions.find((p) => p.partition === partition)?.offset ?? "-1";
      if (BigInt(high) > BigInt(low) && BigInt(high) > BigInt(done)) ends.set(partition, BigInt(high));
    }
    return ends;
  } finally {
    await admin.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
