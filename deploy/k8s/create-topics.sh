#!/usr/bin/env bash
# Creates the topics the system needs, or brings the settings of existing ones in line: the one
# place topic settings live for compose (kafka-init) and Kubernetes (the kafka-topics Job).
#   BOOTSTRAP_SERVERS  Kafka bootstrap servers (required)
#   COMMAND_CONFIG     client properties of an administrator, passed to every tool as --command-config
#                      (optional; needed once the brokers enforce authentication and ACLs)
#   REPLICATION        replication factor (default 3), MIN_ISR min.insync.replicas (default 2)
# Partitions: 24 for every topic, as in api-contracts Topics.PARTITIONS and the local stack. A key
# (the account id) maps to a partition by the count, so it is fixed at creation: an existing topic
# with another count fails this script instead of being changed.
# The events topic and its dead letters keep everything (retention.ms=-1): they are the replayable
# history every read model is rebuilt from. The status topic is compacted (latest status per account).
set -euo pipefail
: "${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS}"
REPLICATION="${REPLICATION:-3}"
MIN_ISR="${MIN_ISR:-2}"
PARTITIONS=24
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
ADMIN=(--bootstrap-server "$BOOTSTRAP_SERVERS")
if [ -n "${COMMAND_CONFIG:-}" ]; then
  ADMIN+=(--command-config "$COMMAND_CONFIG")
fi

topic() { # name, then its configs as key=value
  local name=$1; shift
  local configs=(--config "min.insync.replicas=$MIN_ISR")
  for c in "$@"; do configs+=(--config "$c"); done
  "$BIN/kafka-topics.sh" "${ADMIN[@]}" --create --if-not-exists \
    --topic "$name" --partitions "$PARTITIONS" --replication-factor "$REPLICATION" "${configs[@]}"
  # --if-not-exists leaves an existing topic as it is: set its configs again, check its partitions.
  local all="min.insync.replicas=$MIN_ISR"
  for c in "$@"; do all="$all,$c"; done
  "$BIN/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type topics \
    --entity-name "$name" --add-config "$all"
  local count
  count=$("$BIN/kafka-topics.sh" "${ADMIN[@]}" --describe --topic "$name" \
    | grep -c "Partition: ")
  if [ "$count" != "$PARTITIONS" ]; then
    echo "topic $name has $count partitions, not $PARTITIONS: keys would map to other partitions; recreate it" >&2
    exit 1
  fi
  echo "topic $name: $PARTITIONS partitions, RF $REPLICATION, $all"
}

topic relationship.account-events.v1 retention.ms=-1 cleanup.policy=delete
topic relationship.account-status.v1 cleanup.policy=compact
topic relationship.churn-risk.v1 cleanup.policy=compact
topic relationship.account-value.v1 cleanup.policy=compact
topic relationship.reference-data.v1 cleanup.policy=compact
topic relationship.account-events.v1.DLT retention.ms=-1 cleanup.policy=delete
