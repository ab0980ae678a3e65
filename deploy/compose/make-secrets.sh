#!/usr/bin/env bash
# Writes deploy/compose/.env: a random password for every credential compose.yaml needs, read by
# docker compose from the compose file's directory. Run it once before the first `up`:
#   bash deploy/compose/make-secrets.sh            (or give another path as the first argument)
# It never overwrites an existing file: to change the passwords, `docker compose ... down -v` (the
# root password and the keystores are fixed when the volumes are made) and delete the file first.
# The file is readable by its owner only and ignored by git (deploy/compose/.gitignore).
set -euo pipefail
out="${1:-$(dirname "$0")/.env}"
if [ -e "$out" ]; then
  echo "$out exists; delete it (and the volumes: docker compose ... down -v) to make new passwords" >&2
  exit 1
fi
# 24 random bytes as hex: no character a URI, a JAAS line or compose's interpolation would need escaped.
random() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }
umask 077
cat > "$out" <<VARS
# Made by deploy/compose/make-secrets.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ). Never commit this file.
# MongoDB: the root user (mongo-init makes the service users with it) and one user per service.
MONGO_ROOT_PASSWORD=$(random)
MONGO_RELATIONSHIP_PASSWORD=$(random)
MONGO_PROJECTION_PASSWORD=$(random)
# Kafka: the keystores of the nodes and the admin tools (made by tls-init), and one SCRAM user per service.
KAFKA_KEYSTORE_PASSWORD=$(random)
RELATIONSHIP_KAFKA_PASSWORD=$(random)
PROJECTION_KAFKA_PASSWORD=$(random)
VARS
echo "wrote $out"
