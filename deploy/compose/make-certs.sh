#!/usr/bin/env bash
# The compose stack's TLS material, made once by the one-shot tls-init service (image mongo:8.0,
# which has openssl). Safe to run again: what exists is kept; a new CA makes every certificate anew.
# A private CA signs one certificate per MongoDB member and per Kafka broker (its host name and
# localhost, for the health checks) and one for the Kafka admin tools (kafka-admin). Each volume holds
# only what its readers need:
#   CA_DIR      ca.key, ca.crt: the CA (volume tls-ca-key, mounted in tls-init only)
#   PUBLIC_DIR  ca.crt alone: what clients trust (volume tls-ca, read-only in the services and mongo-init)
#   MONGO_DIR   ca.crt, mongoN.pem (key and certificate) and keyfile, the replica set's shared secret
#               for member authentication (volume mongo-tls, read-only in the members; owned by mongod's uid)
#   KAFKA_DIR   ca.crt, kafkaN.p12 and kafka-admin.p12 (PKCS12 keystores, password KAFKA_KEYSTORE_PASSWORD)
#               and admin.properties, the admin tools' login (volume kafka-tls, read-only in the brokers
#               and kafka-init; owned by the Kafka image's uid)
# Nothing here is a password the services use: those are in deploy/compose/.env (make-secrets.sh).
set -euo pipefail
CA_DIR="${CA_DIR:-/tls/ca}"
PUBLIC_DIR="${PUBLIC_DIR:-/tls/public}"
MONGO_DIR="${MONGO_DIR:-/tls/mongo}"
MONGO_UID="${MONGO_UID:-999}"      # mongodb in the mongo image
KAFKA_DIR="${KAFKA_DIR:-/tls/kafka}"
KAFKA_UID="${KAFKA_UID:-1000}"     # appuser in the apache/kafka image
: "${KAFKA_KEYSTORE_PASSWORD:?set KAFKA_KEYSTORE_PASSWORD (deploy/compose/.env)}"
MONGO_HOSTS="mongo1 mongo2 mongo3"
KAFKA_HOSTS="kafka1 kafka2 kafka3"
DAYS=825
umask 077
mkdir -p "$CA_DIR" "$PUBLIC_DIR" "$MONGO_DIR" "$KAFKA_DIR"
chmod 0700 "$CA_DIR" "$MONGO_DIR" "$KAFKA_DIR"
chmod 0755 "$PUBLIC_DIR"   # the services run as uid 10001
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

new_ca=false
if [ ! -s "$CA_DIR/ca.key" ] || [ ! -s "$CA_DIR/ca.crt" ]; then
  openssl req -x509 -new -newkey rsa:3072 -nodes -days 3650 -subj "/CN=relationship-lifecycle compose CA" \
    -keyout "$CA_DIR/ca.key" -out "$CA_DIR/ca.crt" -config <(printf '%s\n' '[req]' 'distinguished_name=dn' \
      'x509_extensions=v3' '[dn]' '[v3]' 'basicConstraints=critical,CA:TRUE' \
      'keyUsage=critical,keyCertSign,cRLSign' 'subjectKeyIdentifier=hash') 2>/dev/null
  new_ca=true
  echo "made a new CA"
fi

# leaf NAME DIR SAN...: DIR/NAME.key and DIR/NAME.crt for CN=NAME, signed by the CA. Server and
# client use: MongoDB members present it to each other, and the Kafka brokers and admin as their identity.
leaf() {
  local name=$1 dir=$2; shift 2
  if [ "$new_ca" = false ] && [ -s "$dir/$name.crt" ] && [ -s "$dir/$name.key" ]; then
    return
  fi
  local san
  san=$(printf 'DNS:%s,' "$@")
  rm -f "$dir/$name.key" "$dir/$name.crt"
  openssl req -new -newkey rsa:2048 -nodes -subj "/CN=$name" -keyout "$dir/$name.key" -out "$work/$name.csr" 2>/dev/null
  printf '%s\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' \
    'extendedKeyUsage=serverAuth,clientAuth' "subjectAltName=${san%,}" > "$work/$name.ext"
  openssl x509 -req -in "$work/$name.csr" -CA "$CA_DIR/ca.crt" -CAkey "$CA_DIR/ca.key" \
    -set_serial "0x$(openssl rand -hex 16)" -days "$DAYS" -extfile "$work/$name.ext" -out "$dir/$name.crt" 2>/dev/null
  echo "made the certificate of $name (${san%,})"
}

install -m 0444 "$CA_DIR/ca.crt" "$PUBLIC_DIR/ca.crt"

# MongoDB: mongod reads one PEM file with the key and the certificate.
install -m 0444 "$CA_DIR/ca.crt" "$MONGO_DIR/ca.crt"
for host in $MONGO_HOSTS; do
  leaf "$host" "$MONGO_DIR" "$host" localhost
  if [ ! -s "$MONGO_DIR/$host.pem" ] || [ "$MONGO_DIR/$host.crt" -nt "$MONGO_DIR/$host.pem" ]; then
    rm -f "$MONGO_DIR/$host.pem"
    cat "$MONGO_DIR/$host.key" "$MONGO_DIR/$host.crt" > "$MONGO_DIR/$host.pem"
  fi
  chmod 0400 "$MONGO_DIR/$host.key" "$MONGO_DIR/$host.pem"
done
# Members authenticate to each other with this shared key (6 to 1024 base64 characters); mongod
# refuses a keyfile that others may read.
if [ ! -s "$MONGO_DIR/keyfile" ]; then
  openssl rand -base64 756 > "$MONGO_DIR/keyfile"
fi
chmod 0400 "$MONGO_DIR/keyfile"
if [ "$(id -u)" = 0 ]; then
  chown -R "$MONGO_UID:$MONGO_UID" "$MONGO_DIR"
fi
# Kafka: a PKCS12 keystore per broker and one for the admin tools. Their certificates are their
# identities: the brokers map a certificate to the principal User:<CN> (ssl.principal.mapping.rules)
# and take User:kafka1..3 and User:kafka-admin as super users on the BROKER and CONTROLLER listeners.
install -m 0444 "$CA_DIR/ca.crt" "$KAFKA_DIR/ca.crt"
for name in $KAFKA_HOSTS kafka-admin; do
  if [ "$name" = kafka-admin ]; then leaf "$name" "$KAFKA_DIR" kafka-admin; else leaf "$name" "$KAFKA_DIR" "$name" localhost; fi
  if [ ! -s "$KAFKA_DIR/$name.p12" ] || [ "$KAFKA_DIR/$name.crt" -nt "$KAFKA_DIR/$name.p12" ]; then
    rm -f "$KAFKA_DIR/$name.p12"
    openssl pkcs12 -export -name "$name" -inkey "$KAFKA_DIR/$name.key" -in "$KAFKA_DIR/$name.crt" \
      -certfile "$CA_DIR/ca.crt" -passout env:KAFKA_KEYSTORE_PASSWORD -out "$KAFKA_DIR/$name.p12"
  fi
  chmod 0400 "$KAFKA_DIR/$name.key" "$KAFKA_DIR/$name.p12"
done
# The admin tools' login (kafka-init, the brokers' health checks): the BROKER listener, by certificate.
rm -f "$KAFKA_DIR/admin.properties"
printf '%s\n' "# The Kafka admin tools' login: certificate CN=kafka-admin, a super user (made by make-certs.sh)." \
  'security.protocol=SSL' \
  'ssl.keystore.type=PKCS12' \
  'ssl.keystore.location=/etc/kafka/tls/kafka-admin.p12' \
  "ssl.keystore.password=$KAFKA_KEYSTORE_PASSWORD" \
  "ssl.key.password=$KAFKA_KEYSTORE_PASSWORD" \
  'ssl.truststore.type=PEM' \
  'ssl.truststore.location=/etc/kafka/tls/ca.crt' > "$KAFKA_DIR/admin.properties"
chmod 0400 "$KAFKA_DIR/admin.properties"
if [ "$(id -u)" = 0 ]; then
  chown -R "$KAFKA_UID:$KAFKA_UID" "$KAFKA_DIR"
fi
echo "TLS material ready"
