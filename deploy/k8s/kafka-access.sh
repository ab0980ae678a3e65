#!/usr/bin/env bash
# Who may do what on Kafka: one SCRAM-SHA-512 user per service, and the ACLs that hold each to its
# own part. The one place they live for compose (kafka-init) and Kubernetes (the kafka-access Job);
# deploy/README.md ("Kafka users and ACLs") explains each grant, check-deploy.sh checks the list.
#   BOOTSTRAP_SERVERS            Kafka bootstrap servers (required)
#   COMMAND_CONFIG               client properties of an administrator (a super user, or ALTER on the
#                                cluster), passed to every tool as --command-config (optional)
#   RELATIONSHIP_KAFKA_PASSWORD  relationship-service's password (required)
#   PROJECTION_KAFKA_PASSWORD    projection-service's password (required)
# Safe to run again: each user gets its password again, a grant that exists is left as it is. A grant
# taken out of this file is not revoked: remove it by hand (kafka-acls.sh --remove).
# The brokers must enforce ACLs (authorizer.class.name, allow.everyone.if.no.acl.found=false).
set -euo pipefail
: "${BOOTSTRAP_SERVERS:?set BOOTSTRAP_SERVERS}"
: "${RELATIONSHIP_KAFKA_PASSWORD:?set RELATIONSHIP_KAFKA_PASSWORD}"
: "${PROJECTION_KAFKA_PASSWORD:?set PROJECTION_KAFKA_PASSWORD}"
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
ADMIN=(--bootstrap-server "$BOOTSTRAP_SERVERS")
if [ -n "${COMMAND_CONFIG:-}" ]; then
  ADMIN+=(--command-config "$COMMAND_CONFIG")
fi
EVENTS=relationship.account-events.v1
STATUS=relationship.account-status.v1
CHURN=relationship.churn-risk.v1
VALUE=relationship.account-value.v1
REFERENCE_DATA=relationship.reference-data.v1
DEAD_LETTERS=relationship.account-events.v1.DLT

user() { # name, password: makes the SCRAM-SHA-512 credential, or replaces it
  "$BIN/kafka-configs.sh" "${ADMIN[@]}" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
  echo "user $1: SCRAM-SHA-512"
}

allow() { # principal, then the resource and its --operation options
  local principal=$1; shift
  "$BIN/kafka-acls.sh" "${ADMIN[@]}" --add --allow-principal "User:$principal" "$@" > /dev/null
  echo "allow $principal: $*"
}

user relationship-service "$RELATIONSHIP_KAFKA_PASSWORD"
user projection-service "$PROJECTION_KAFKA_PASSWORD"

# relationship-service: the relay is the only writer of the events (an idempotent producer: Write on
# a topic is enough for that, KIP-679); it reads the topic back, outside any consumer group, to find
# events it published with a hole before them.
allow relationship-service --topic "$EVENTS" --operation Write --operation Read --operation Describe
# It also publishes each version of reference data an admin sets (exchange rates, the activity rate card).
allow relationship-service --topic "$REFERENCE_DATA" --operation Write --operation Read --operation Describe

# projection-service: reads the events in its read models' consumer groups (projection-service.<model>),
# writes the status, churn-risk and account-value topics and the dead letters in Kafka transactions (transactional ids
# <PROJECTION_INSTANCE_ID or projection-<uuid>>-tx-...), and reads those back (the dashboard's
# feed, a dead-letter re-drive). It never writes the events, never creates a topic.
allow projection-service --topic "$EVENTS" --operation Read --operation Describe
allow projection-service --topic "$REFERENCE_DATA" --operation Read --operation Describe
for topic in "$STATUS" "$CHURN" "$VALUE" "$DEAD_LETTERS"; do
  allow projection-service --topic "$topic" --operation Write --operation Read --operation Describe
done
allow projection-service --resource-pattern-type prefixed --group projection-service --operation Read --operation Describe
allow projection-service --resource-pattern-type prefixed --transactional-id projection- --operation Write --operation Describe
