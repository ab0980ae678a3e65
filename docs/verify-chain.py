#!/usr/bin/env python3
"""Verify one account's hash chain from the raw event store, without the service.

Input: the account's stored event documents as JSON, one per line or as one array, for example
    mongoexport --db relationship --collection domainevents \
        --query '{"aggregateIdentifier": "<account id>"}' --sort '{"sequenceNumber": 1}' > events.json
    python3 docs/verify-chain.py events.json

The rule (docs/auditing.md, "Tamper evidence"): each document's "hash" is SHA-256 over the previous event's hash
("" for the first) and these stored fields in this order, each written as its UTF-8 byte length
in decimal, a colon, and its bytes: aggregateIdentifier, sequenceNumber, type, eventIdentifier,
payloadType, payloadRevision, timestamp, serializedPayload, serializedMetaData (absent = "").
Prints "intact <events> <last sequence> <last hash>" and exits 0, or
"broken at <sequence>: <why>" and exits 1.
"""
import hashlib
import json
import sys

FIELDS = ["aggregateIdentifier", "sequenceNumber", "type", "eventIdentifier", "payloadType",
          "payloadRevision", "timestamp", "serializedPayload", "serializedMetaData"]


def plain(value):
    """A stored value as text; mongoexport writes 64-bit numbers as {"$numberLong": "..."}."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in ("$numberLong", "$numberInt"):
            if key in value:
                return value[key]
        raise ValueError("no canonical text for %r" % (value,))
    if isinstance(value, bool):
        raise ValueError("no canonical text for a boolean")
    return str(value)


def event_hash(previous, document):
    digest = hashlib.sha256()
    for part in [previous] + [plain(document.get(field)) for field in FIELDS]:
        data = part.encode("utf-8")
        digest.update(str(len(data)).encode("ascii") + b":" + data)
    return digest.hexdigest()


def read(path):
    with open(path, encoding="utf-8") as source:
        text = source.read().strip()
    if text.startswith("["):
        return json.loads(text)
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def verify(documents):
    documents = sorted(documents, key=lambda d: int(plain(d.get("sequenceNumber"))))
    previous, expected = "", 0
    for document in documents:
        sequence = int(plain(document.get("sequenceNumber")))
        if sequence > expected:
            return False, "broken at %d: event %d is missing" % (expected, expected)
        if sequence < expected:
            return False, "broken at %d: a second event is stored at sequence %d" % (sequence, sequence)
        stored = document.get("hash")
        if stored is None:
            return False, "broken at %d: no hash" % sequence
        if stored != event_hash(previous, document):
            return False, "broken at %d: the stored event is not the one that was hashed" % sequence
        previous, expected = stored, expected + 1
    if not documents:
        return False, "no events"
    return True, "intact %d %d %s" % (len(documents), expected - 1, previous)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    ok, message = verify(read(sys.argv[1]))
    print(message)
    sys.exit(0 if ok else 1)
