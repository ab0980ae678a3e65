#!/usr/bin/env bash
# Offline checks for deploy/: needs python3 with PyYAML, nothing else (no Docker,
# no cluster). Parses every YAML file under deploy/ and checks the invariants the
# compose file, the Kubernetes manifests and the Dockerfile must keep.
#   bash deploy/check-deploy.sh        exit 0 when every check passed
# Last line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 - "$@" <<'PY'
import glob, json, os, re, shutil, subprocess, sys, zipfile

try:
    import yaml
except ImportError:
    sys.exit("check-deploy: python3 needs PyYAML (Debian: python3-yaml, pip: PyYAML)")

passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")
    return ok

def note(msg):
    print(f"note {msg}")

# ---- 1. every YAML file under deploy/ parses --------------------------------------
docs = {}
for path in sorted(glob.glob("deploy/**/*.y*ml", recursive=True)):
    if "/target/" in path or "/node_modules/" in path:
        continue
    try:
        with open(path) as f:
            docs[path] = [d for d in yaml.safe_load_all(f) if d is not None]
        check(True, path)
    except yaml.YAMLError as e:
        check(False, f"{path} does not parse: {e}")

EVENTS, STATUS = "relationship.account-events.v1", "relationship.account-status.v1"
CHURN = "relationship.churn-risk.v1"
VALUE = "relationship.account-value.v1"
REFERENCE = "relationship.reference-data.v1"
SERVICES = {"relationship-service": ("8080", "relationship"),
            "projection-service": ("8081", "projection")}

# Env vars the services are configured with, and the Spring Boot 4 property each one
# binds to. Boot 4 moved spring.data.mongodb.* to spring.mongodb.*; the old name is
# an error-level deprecation and would be ignored.
SPRING_ENV = {"SERVER_PORT": "server.port",
              "SPRING_MONGODB_URI": "spring.mongodb.uri",
              "SPRING_KAFKA_BOOTSTRAP_SERVERS": "spring.kafka.bootstrap-servers"}
# Who signs the tokens the services accept (issue 7). Every service gets the issuer (or, for an
# identity provider without OpenID discovery, the JWK set URI as well), the audience and the roles
# claim, and both services get the same ones: a token valid on one is valid on the other.
JWT = "spring.security.oauth2.resourceserver.jwt."
IDP_ENV = {"SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI": JWT + "issuer-uri",
           "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI": JWT + "jwk-set-uri",
           "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES": JWT + "audiences",
           "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUTHORITIES_CLAIM_NAME": JWT + "authorities-claim-name"}
IDP_REQUIRED = ["SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUTHORITIES_CLAIM_NAME"]
# The local stack's own key pair; a deployment trusts an identity provider, never a key file.
IDP_LOCAL_ONLY = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION"
# TLS to MongoDB (issue 33): the driver trusts the CA of an SSL bundle named "mongodb" (a PEM file).
MONGO_TLS_ENV = {"SPRING_MONGODB_SSL_BUNDLE": "spring.mongodb.ssl.bundle",
                 "SPRING_SSL_BUNDLE_PEM_MONGODB_TRUSTSTORE_CERTIFICATE": "spring.ssl.bundle.pem.mongodb.truststore.certificate"}
MONGO_CA = "/etc/relationship/mongodb-ca/ca.crt"
# Properties inside a map (spring.ssl.bundle.pem.<name>.*, spring.kafka.properties.<kafka config>): the
# metadata knows the map, not each key.
MAP_ROOTS = ("spring.ssl.bundle.pem", "spring.kafka.properties")
# Kafka (issue 33): SCRAM-SHA-512 over TLS, every client setting through spring.kafka.properties.* (passed to
# every producer, consumer and admin client the services make, including those built from
# KafkaProperties by hand); the truststore is the CA's PEM file.
KAFKA_CLIENT_ENV = {f"SPRING_KAFKA_PROPERTIES_{k.replace('.', '_').upper()}": f"spring.kafka.properties.{k}"
                    for k in ("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                              "ssl.truststore.type", "ssl.truststore.location")}
KAFKA_CA = "/etc/relationship/kafka-ca/ca.crt"
KAFKA_CLIENT = {"SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL": "SASL_SSL",
                "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM": "SCRAM-SHA-512",
                "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE": "PEM",
                "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_LOCATION": KAFKA_CA}
JAAS = r'org\.apache\.kafka\.common\.security\.scram\.ScramLoginModule required username="([\w-]+)" password="([^"]+)";'
# A listener container stops for good on an authentication or authorization error unless told to retry:
# with ACLs, a user or grant made a little after the service started would otherwise stop its consumers.
AUTH_RETRY = "SPRING_KAFKA_LISTENER_AUTHEXCEPTIONRETRYINTERVAL"
SECURITY_ENV = {**MONGO_TLS_ENV, **KAFKA_CLIENT_ENV, AUTH_RETRY: "spring.kafka.listener.auth-exception-retry-interval"}

def env_names(prop):
    """Names Spring Boot's SystemEnvironmentPropertyMapper accepts for a property:
    "." -> "_" and upper case, with "-" either dropped or (legacy form) turned into "_"."""
    base = prop.replace(".", "_").upper()
    return {base.replace("-", ""), base.replace("-", "_")}

for env, prop in {**SPRING_ENV, **IDP_ENV, **SECURITY_ENV}.items():
    check(env in env_names(prop), f"{env} is an environment form of {prop}")

def boot_version():
    m = re.search(r"<artifactId>spring-boot-starter-parent</artifactId>\s*<version>([^<]+)</version>",
                  open("pom.xml").read())
    return m.group(1) if m else None

def boot_metadata():
    """Property metadata from the Boot jars in the local Maven repository, if present."""
    version = boot_version()
    repo = os.path.expanduser("~/.m2/repository/org/springframework/boot")
    props, found = {}, []
    for module in ("spring-boot", "spring-boot-autoconfigure", "spring-boot-mongodb", "spring-boot-kafka",
                   "spring-boot-security-oauth2-resource-server"):
        jar = f"{repo}/{module}/{version}/{module}-{version}.jar"
        if not os.path.exists(jar):
            continue
        found.append(module)
        with zipfile.ZipFile(jar) as z:
            for name in ("META-INF/spring-configuration-metadata.json",
                         "META-INF/additional-spring-configuration-metadata.json"):
                if name in z.namelist():
                    for p in json.loads(z.read(name)).get("properties", []):
                        props.setdefault(p["name"], p)
    return version, found, props

version, found, meta = boot_metadata()
if {"spring-boot-mongodb", "spring-boot-kafka", "spring-boot-security-oauth2-resource-server"} <= set(found):
    for env, prop in {**SPRING_ENV, **IDP_ENV, **SECURITY_ENV}.items():
        if prop == "server.port":
            continue  # declared by the web server modules; not worth resolving here
        prop = next((r for r in MAP_ROOTS if prop.startswith(r + ".")), prop)
        p = meta.get(prop)
        check(p is not None and not p.get("deprecation"),
              f"{prop} is a current property of Spring Boot {version}")
else:
    note(f"Spring Boot {version} jars not in ~/.m2; property names checked against the built-in table only")

def check_spring_env(where, names):
    for n in names:
        if n.startswith("SPRING_DATA_MONGODB"):
            check(False, f"{where}: {n} is the Boot 3 name; Boot 4 reads SPRING_MONGODB_*")
        elif n == IDP_LOCAL_ONLY:
            check(False, f"{where}: {n} is the local stack's key file; deployments trust an identity provider")
        elif n.startswith(("SPRING_", "SERVER_")):
            check(n in SPRING_ENV or n in IDP_ENV or n in SECURITY_ENV,
                  f"{where}: {n} is one of the known service env vars {sorted(SPRING_ENV) + sorted(IDP_ENV) + sorted(SECURITY_ENV)}")
    for n in SPRING_ENV:
        check(n in names, f"{where}: sets {n}")
    check("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI" in names,
          f"{where}: sets the identity provider's issuer (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI)")
    for n in IDP_REQUIRED:
        check(n in names, f"{where}: sets {n}")

def same_identity_provider(where, envs):
    """The identity env of every service, as configured (values or ConfigMap references), is one."""
    idp = [{k: v for k, v in e.items() if k in IDP_ENV} for e in envs]
    check(len(idp) > 1 and all(i == idp[0] for i in idp), f"{where}: both services trust the same identity provider")

def topics_from_contracts():
    path = "api-contracts/src/main/java/com/relationship/contracts/Topics.java"
    if not os.path.exists(path):
        return None
    return set(re.findall(r'static final String \w+ = "([^"]+)"', open(path).read()))

contract_topics = topics_from_contracts()
if contract_topics is None:
    note("api-contracts Topics.java not found; topic names checked against the built-in names only")
else:
    check(contract_topics == {EVENTS, STATUS, CHURN, VALUE, REFERENCE},
          f"api-contracts Topics declares exactly {EVENTS}, {STATUS}, {CHURN}, {VALUE} and {REFERENCE} (found {sorted(contract_topics)})")

# ---- 2. compose ---------------------------------------------------------------------
COMPOSE = "deploy/compose/compose.yaml"
compose = (docs.get(COMPOSE) or [{}])[0]
services = compose.get("services", {})
check(bool(services), f"{COMPOSE} defines services")

def one_shot(svc):
    return str(svc.get("restart", "no")) == "no"

def env_of(svc):
    env = svc.get("environment") or {}
    if isinstance(env, list):
        env = dict(e.split("=", 1) if "=" in e else (e, None) for e in env)
    return {k: (None if v is None else str(v)) for k, v in env.items()}

for name, svc in services.items():
    hc = svc.get("healthcheck") or {}
    if one_shot(svc):
        check("healthcheck" not in svc or hc.get("disable"), f"compose {name}: one-shot service has no health check")
    else:
        check(bool(hc.get("test")) and not hc.get("disable"), f"compose {name}: long-running service has a health check")
    deps = svc.get("depends_on") or {}
    if isinstance(deps, list):
        deps = {d: {"condition": "service_started"} for d in deps}
    for dep, spec in deps.items():
        cond = (spec or {}).get("condition", "service_started")
        if not check(dep in services, f"compose {name}: depends_on {dep} exists"):
            continue
        if cond == "service_healthy":
            check(bool((services[dep].get("healthcheck") or {}).get("test")),
                  f"compose {name}: {dep} it waits healthy for has a health check")
        if cond == "service_completed_successfully":
            check(one_shot(services[dep]), f"compose {name}: {dep} it waits to complete is one-shot (restart: \"no\")")

# Resource limits: no container may take the machine's memory (or, for the infrastructure, all its
# CPU). The processes inside are sized below their limit: mongod's cache, the brokers' heap.
def size_bytes(v):
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kmgKMG]?)[bB]?", str(v or "").strip())
    return float(m.group(1)) * {"": 1, "k": 2**10, "m": 2**20, "g": 2**30}[m.group(2).lower()] if m else None

def limits(svc):
    return ((svc.get("deploy") or {}).get("resources") or {}).get("limits") or {}

for name, svc in services.items():
    check(size_bytes(limits(svc).get("memory")) is not None, f"compose {name}: memory limit (deploy.resources.limits.memory)")
    if re.fullmatch(r"(mongo|kafka)\d+|lb", name):
        check(float(limits(svc).get("cpus") or 0) > 0, f"compose {name}: CPU limit (deploy.resources.limits.cpus)")

# Mongo replica set
members = [n for n in services if re.fullmatch(r"mongo\d+", n)]
check(len(members) == 3, f"compose: three MongoDB members (found {members})")
for n in members:
    cmd = services[n].get("command") or []
    cmd = cmd if isinstance(cmd, list) else cmd.split()
    check("--replSet" in cmd and cmd[cmd.index("--replSet") + 1] == "rs0", f"compose {n}: mongod --replSet rs0")
    check("primary" in json.dumps(services[n].get("healthcheck", {})),
          f"compose {n}: health check waits for a PRIMARY")
    cache = cmd[cmd.index("--wiredTigerCacheSizeGB") + 1] if "--wiredTigerCacheSizeGB" in cmd else None
    limit = size_bytes(limits(services[n]).get("memory"))
    check(cache is not None and limit is not None and float(cache) * 2**30 <= limit / 2,
          f"compose {n}: --wiredTigerCacheSizeGB ({cache}) at most half its memory limit (mongod sizes it from the host otherwise)")
# Authentication and TLS (issue 33): members authenticate to each other with the keyfile, clients
# log in (no anonymous access) and every connection is TLS, with certificates of the stack's own CA.
MONGO_TLS = "/etc/mongo-tls"
secret_ref = lambda v: re.fullmatch(r"\$\{(\w+):\?[^}]+\}", str(v or ""))
for n in members:
    svc = services[n]
    cmd = svc.get("command") or []
    cmd = cmd if isinstance(cmd, list) else cmd.split()
    arg = lambda flag: cmd[cmd.index(flag) + 1] if flag in cmd[:-1] else None
    check(arg("--keyFile") == f"{MONGO_TLS}/keyfile", f"compose {n}: mongod --keyFile {MONGO_TLS}/keyfile (member authentication; clients must log in)")
    check(arg("--tlsMode") == "requireTLS" and arg("--tlsCertificateKeyFile") == f"{MONGO_TLS}/{n}.pem"
          and arg("--tlsCAFile") == f"{MONGO_TLS}/ca.crt",
          f"compose {n}: mongod --tlsMode requireTLS with its own certificate ({n}.pem) and the stack's CA")
    check(f"mongo-tls:{MONGO_TLS}:ro" in (svc.get("volumes") or []), f"compose {n}: mounts the mongo-tls volume read-only at {MONGO_TLS}")
    check("--tls" in json.dumps(svc.get("healthcheck", {})), f"compose {n}: health check connects with TLS")
    check(((svc.get("depends_on") or {}).get("tls-init") or {}).get("condition") == "service_completed_successfully",
          f"compose {n}: waits for tls-init")
    e = env_of(svc)
    if n == members[0]:
        check(e.get("MONGO_INITDB_ROOT_USERNAME") == "root" and secret_ref(e.get("MONGO_INITDB_ROOT_PASSWORD")) is not None,
              f"compose {n}: root user with a password from the environment (${{VAR:?...}})")
    else:
        check(not any(k.startswith("MONGO_INITDB_ROOT") for k in e),
              f"compose {n}: no user of its own (it joins the set empty and gets the users by initial sync)")

init_js = "deploy/compose/mongo-init.js"
if check(os.path.exists(init_js), f"{init_js} exists"):
    js = open(init_js).read()
    for n in members:
        check(f"'{n}:27017'" in js, f"{init_js} initiates member {n}:27017")
    check("_id: 'rs0'" in js, f"{init_js} initiates replica set rs0")
    mongo_users = {m.group(2): (m.group(1), m.group(3)) for m in
                   re.finditer(r"\{ user: '(\w+)', db: '(\w+)', password: '(\w+)' \}", js)}
    check(set(mongo_users) == {db for port, db in SERVICES.values()} and "role: 'readWrite', db: u.db" in js
          and "createUser" in js and "updateUser" in js,
          f"{init_js} makes one user per service database, readWrite on it only ({mongo_users})")
else:
    mongo_users = {}
check("/scripts/mongo-init.js" in json.dumps(services.get("mongo-init", {})), "compose mongo-init runs mongo-init.js")

# Secrets and TLS material of the compose stack (issue 33). Passwords come from deploy/compose/.env,
# made by make-secrets.sh, never from the compose file; certificates from tls-init (make-certs.sh).
import tempfile, stat
KAFKA_PROPS, KAFKA_TLS = "deploy/compose/kafka-server.properties", "/etc/kafka/tls"
ADMIN_CONFIG = f"{KAFKA_TLS}/admin.properties"
def properties(text):
    """A Java .properties file (the simple form: no continuation lines, no escapes)."""
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith(("#", "!")):
            k, v = (re.split(r"\s*[=:]\s*|\s+", line, maxsplit=1) + [""])[:2]
            out[k] = v
    return out
MAKE_SECRETS, MAKE_CERTS = "deploy/compose/make-secrets.sh", "deploy/compose/make-certs.sh"
compose_text = open(COMPOSE).read() if os.path.exists(COMPOSE) else ""
required_vars = set(re.findall(r"\$\{(\w+):\?", compose_text)) - {"IDP_ISSUER_URI"}
for name, svc in services.items():
    for k, v in env_of(svc).items():
        if re.search(r"PASSWORD|SECRET", k):
            check(secret_ref(v) is not None, f"compose {name}: {k} comes from the environment (${{VAR:?...}}), not the file")
if check(os.path.exists(MAKE_SECRETS), f"{MAKE_SECRETS} exists"):
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, ".env")
        r = subprocess.run(["bash", MAKE_SECRETS, out], capture_output=True, text=True)
        check(r.returncode == 0 and os.path.exists(out), f"make-secrets.sh runs: {r.stderr.strip()}")
        written = dict(l.strip().split("=", 1) for l in open(out) if l.strip() and not l.startswith("#")) if os.path.exists(out) else {}
        check(set(written) == required_vars,
              f"make-secrets.sh writes exactly the variables compose.yaml requires (writes {sorted(written)}, requires {sorted(required_vars)})")
        check(all(re.fullmatch(r"[0-9a-f]{48}", v) for v in written.values()), "make-secrets.sh: each password is 24 random bytes in hex")
        check(os.path.exists(out) and stat.S_IMODE(os.stat(out).st_mode) & 0o077 == 0, "make-secrets.sh: the file is readable by its owner only")
        before = open(out).read() if os.path.exists(out) else None
        r = subprocess.run(["bash", MAKE_SECRETS, out], capture_output=True, text=True)
        check(r.returncode != 0 and before is not None and open(out).read() == before, "make-secrets.sh never overwrites an existing file")
GITIGNORE = "deploy/compose/.gitignore"
check(os.path.exists(GITIGNORE) and ".env" in open(GITIGNORE).read().split(), f"{GITIGNORE} keeps .env (the passwords) out of git")

tls = services.get("tls-init") or {}
TLS_VOLUMES = {"tls-ca-key": "/tls/ca", "tls-ca": "/tls/public", "mongo-tls": "/tls/mongo", "kafka-tls": "/tls/kafka"}
if check(bool(tls), "compose: one-shot tls-init makes the TLS material"):
    check(one_shot(tls) and "./make-certs.sh:/scripts/make-certs.sh:ro" in (tls.get("volumes") or [])
          and "/scripts/make-certs.sh" in " ".join(map(str, tls.get("entrypoint") or [])),
          "compose tls-init runs make-certs.sh once")
    for vol, path in TLS_VOLUMES.items():
        check(f"{vol}:{path}" in (tls.get("volumes") or []), f"compose tls-init writes volume {vol} at {path}")
    check(secret_ref(env_of(tls).get("KAFKA_KEYSTORE_PASSWORD")) is not None, "compose tls-init: the keystores' password from the environment")
for name, svc in services.items():
    if name != "tls-init":
        check(not any(str(v).startswith("tls-ca-key:") for v in svc.get("volumes") or []),
              f"compose {name}: does not mount the CA's private key (tls-ca-key)")
if check(os.path.exists(MAKE_CERTS), f"{MAKE_CERTS} exists"):
    certs_text = open(MAKE_CERTS).read()
    m = re.search(r'^MONGO_HOSTS="([^"]*)"', certs_text, re.M)
    check(m is not None and m.group(1).split() == members, f"make-certs.sh: one certificate per MongoDB member {members}")
    m = re.search(r'^KAFKA_HOSTS="([^"]*)"', certs_text, re.M)
    kafka_hosts = sorted(n for n in services if re.fullmatch(r"kafka\d+", n))
    check(m is not None and m.group(1).split() == kafka_hosts, f"make-certs.sh: one keystore per Kafka broker {kafka_hosts}")
    if shutil.which("openssl"):
        with tempfile.TemporaryDirectory() as d:
            dirs = {"CA_DIR": f"{d}/ca", "PUBLIC_DIR": f"{d}/public", "MONGO_DIR": f"{d}/mongo", "KAFKA_DIR": f"{d}/kafka"}
            run_env = {**os.environ, **dirs, "MONGO_UID": str(os.getuid()), "KAFKA_UID": str(os.getuid()),
                       "KAFKA_KEYSTORE_PASSWORD": "test-keystore-password"}
            r = subprocess.run(["bash", MAKE_CERTS], capture_output=True, text=True, env=run_env)
            check(r.returncode == 0, f"make-certs.sh runs (with this machine's openssl): {r.stderr.strip()[-300:]}")
            ca = f"{d}/public/ca.crt"
            check(sorted(os.listdir(f"{d}/public")) == ["ca.crt"], "make-certs.sh: the public volume holds the CA certificate only")
            for n in members:
                crt = f"{d}/mongo/{n}.crt"
                v = subprocess.run(["openssl", "verify", "-CAfile", ca, crt], capture_output=True, text=True)
                san = subprocess.run(["openssl", "x509", "-in", crt, "-noout", "-ext", "subjectAltName"], capture_output=True, text=True)
                check(v.returncode == 0 and f"DNS:{n}" in san.stdout and "DNS:localhost" in san.stdout,
                      f"make-certs.sh: {n}'s certificate is signed by the CA, for {n} and localhost")
                pem = open(f"{d}/mongo/{n}.pem").read() if os.path.exists(f"{d}/mongo/{n}.pem") else ""
                check("PRIVATE KEY" in pem and "CERTIFICATE" in pem, f"make-certs.sh: {n}.pem holds its key and certificate (mongod's --tlsCertificateKeyFile)")
            keyfile = f"{d}/mongo/keyfile"
            check(os.path.exists(keyfile) and stat.S_IMODE(os.stat(keyfile).st_mode) == 0o400
                  and 6 <= len("".join(open(keyfile).read().split())) <= 1024,
                  "make-certs.sh: the replica set's keyfile, 6 to 1024 base64 characters, mode 0400 (mongod refuses others)")
            check(stat.S_IMODE(os.stat(f"{d}/ca").st_mode) == 0o700, "make-certs.sh: the CA's directory is private")
            for n in kafka_hosts + ["kafka-admin"]:
                p12 = f"{d}/kafka/{n}.p12"
                out = subprocess.run(["openssl", "pkcs12", "-in", p12, "-passin", "env:KAFKA_KEYSTORE_PASSWORD", "-nokeys", "-clcerts"],
                                     capture_output=True, text=True, env=run_env)
                text = subprocess.run(["openssl", "x509", "-noout", "-subject", "-ext", "subjectAltName"], input=out.stdout,
                                      capture_output=True, text=True).stdout
                check(out.returncode == 0 and re.search(rf"CN\s*=\s*{n}\b", text) is not None
                      and (n == "kafka-admin" or (f"DNS:{n}" in text and "DNS:localhost" in text)),
                      f"make-certs.sh: {n}.p12 opens with KAFKA_KEYSTORE_PASSWORD and holds the certificate of CN={n}")
            admin = properties(open(f"{d}/kafka/admin.properties").read()) if os.path.exists(f"{d}/kafka/admin.properties") else {}
            check(admin.get("security.protocol") == "SSL" and admin.get("ssl.keystore.location") == f"{KAFKA_TLS}/kafka-admin.p12"
                  and admin.get("ssl.truststore.location") == f"{KAFKA_TLS}/ca.crt" and admin.get("ssl.keystore.password") == "test-keystore-password",
                  f"make-certs.sh: admin.properties logs the admin tools in with the kafka-admin certificate")
            before = {f: open(f"{d}/{f}", "rb").read() for f in ("ca/ca.key", f"mongo/{members[0]}.crt", "mongo/keyfile")}
            r = subprocess.run(["bash", MAKE_CERTS], capture_output=True, text=True, env=run_env)
            check(r.returncode == 0 and all(open(f"{d}/{f}", "rb").read() == b for f, b in before.items()),
                  "make-certs.sh run again keeps the CA, the certificates and the keyfile")
    else:
        note("openssl not installed; make-certs.sh not run")

# Kafka KRaft cluster
brokers = sorted(n for n in services if re.fullmatch(r"kafka\d+", n))
check(len(brokers) == 3, f"compose: three Kafka nodes (found {brokers})")
ids, cluster_ids, voters = [], set(), set()
for n in brokers:
    e = env_of(services[n])
    check(services[n].get("image") == "apache/kafka:4.2.0", f"compose {n}: image apache/kafka:4.2.0")
    ids.append(e.get("KAFKA_NODE_ID"))
    cluster_ids.add(e.get("CLUSTER_ID"))
    voters.add(e.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
    check(set((e.get("KAFKA_PROCESS_ROLES") or "").split(",")) == {"broker", "controller"},
          f"compose {n}: combined broker,controller")
    check(f"//{n}:9092" in (e.get("KAFKA_ADVERTISED_LISTENERS") or ""), f"compose {n}: advertises {n}:9092")
    heap = re.search(r"-Xmx(\d+[kmgKMG]?)", e.get("KAFKA_HEAP_OPTS") or "")
    limit = size_bytes(limits(services[n]).get("memory"))
    check(heap is not None and limit is not None and size_bytes(heap.group(1)) <= limit * 0.75,
          f"compose {n}: KAFKA_HEAP_OPTS -Xmx within 3/4 of its memory limit (the image's default is 1 GiB; the rest is page cache)")
    for key, want in {"KAFKA_DEFAULT_REPLICATION_FACTOR": "3", "KAFKA_MIN_INSYNC_REPLICAS": "2",
                      "KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR": "3",
                      "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR": "3",
                      "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR": "2"}.items():
        check(e.get(key) == want, f"compose {n}: {key}={want} (is {e.get(key)})")
check(len(set(ids)) == len(ids) and None not in ids, f"compose: distinct KAFKA_NODE_IDs {ids}")
check(len(cluster_ids) == 1 and None not in cluster_ids, "compose: one CLUSTER_ID for all nodes")
expected_voters = ",".join(f"{i}@{n}:9093" for i, n in zip(ids, brokers))
check(voters == {expected_voters}, f"compose: quorum voters are {expected_voters} (found {voters})")

# Kafka security (issue 33). Clients (the services) log in with SCRAM-SHA-512 over TLS on CLIENT (9092);
# the brokers, controllers and admin tools prove themselves with certificates of the stack's CA on
# BROKER (9094) and CONTROLLER (9093); nothing is PLAINTEXT. ACLs decide the rest (kafka-access.sh).
# Settings the same on every broker are in kafka-server.properties, because the apache/kafka image
# drops an environment value containing "=" (its env-to-properties utility splits on it).
def kafka_env_key(name):
    """The property the apache/kafka image makes of KAFKA_FOO: "_" -> ".", "__" -> "_", "___" -> "-"."""
    return re.sub(r"(?<!_)_(?!_)", ".", name[len("KAFKA_"):]).replace("___", "-").replace("__", "_").lower()
file_props = properties(open(KAFKA_PROPS).read()) if check(os.path.exists(KAFKA_PROPS), f"{KAFKA_PROPS} exists") else {}
for n in brokers:
    svc, e = services[n], env_of(services[n])
    check(not [k for k, v in e.items() if k.startswith("KAFKA_") and "=" in (v or "")],
          f"compose {n}: no KAFKA_* value contains '=' (the image drops it silently; put it in {os.path.basename(KAFKA_PROPS)})")
    check(f"./kafka-server.properties:/mnt/shared/config/server.properties:ro" in (svc.get("volumes") or []),
          f"compose {n}: mounts kafka-server.properties where the image reads it (/mnt/shared/config/server.properties)")
    check(f"kafka-tls:{KAFKA_TLS}:ro" in (svc.get("volumes") or []), f"compose {n}: mounts the kafka-tls volume read-only at {KAFKA_TLS}")
    check(((svc.get("depends_on") or {}).get("tls-init") or {}).get("condition") == "service_completed_successfully",
          f"compose {n}: waits for tls-init")
    conf = {**file_props, **{kafka_env_key(k): v for k, v in e.items() if k.startswith("KAFKA_") and k != "KAFKA_HEAP_OPTS"}}
    protocols = dict(p.split(":", 1) for p in (conf.get("listener.security.protocol.map") or "").split(",") if ":" in p)
    listeners = [l.split("://")[0] for l in (conf.get("listeners") or "").split(",") if l]
    check(bool(listeners) and all(protocols.get(l) in ("SSL", "SASL_SSL") for l in listeners),
          f"compose {n}: every listener is SSL or SASL_SSL, none PLAINTEXT ({conf.get('listener.security.protocol.map')})")
    client = [l for l in listeners if conf.get("advertised.listeners", "").find(f"{l}://{n}:9092") >= 0]
    c = client[0].lower() if client else "?"
    check(client and protocols.get(client[0]) == "SASL_SSL" and conf.get(f"listener.name.{c}.sasl.enabled.mechanisms") == "SCRAM-SHA-512"
          and "ScramLoginModule required" in conf.get(f"listener.name.{c}.scram-sha-512.sasl.jaas.config", ""),
          f"compose {n}: the clients' listener ({n}:9092) is SASL_SSL with SCRAM-SHA-512 only")
    for l in [l for l in listeners if protocols.get(l) == "SSL"]:
        check(conf.get(f"listener.name.{l.lower()}.ssl.client.auth") == "required",
              f"compose {n}: listener {l} requires a client certificate")
    check(protocols.get(conf.get("inter.broker.listener.name")) == "SSL" and protocols.get(conf.get("controller.listener.names")) == "SSL",
          f"compose {n}: brokers and controllers talk over a certificate-authenticated SSL listener")
    check(conf.get("authorizer.class.name") == "org.apache.kafka.metadata.authorizer.StandardAuthorizer"
          and conf.get("allow.everyone.if.no.acl.found", "false") == "false",
          f"compose {n}: ACLs enforced (StandardAuthorizer; no ACL means no access)")
    check(set((conf.get("super.users") or "").split(";")) == {f"User:{b}" for b in brokers} | {"User:kafka-admin"},
          f"compose {n}: super users are the brokers and kafka-admin only ({conf.get('super.users')})")
    check(conf.get("ssl.principal.mapping.rules", "").startswith("RULE:^CN="), f"compose {n}: a certificate's principal is its CN")
    check(conf.get("ssl.keystore.location") == f"{KAFKA_TLS}/{n}.p12" and conf.get("ssl.truststore.location") == f"{KAFKA_TLS}/ca.crt"
          and secret_ref(conf.get("ssl.keystore.password")) is not None and secret_ref(conf.get("ssl.key.password")) is not None,
          f"compose {n}: its own keystore ({n}.p12), the stack's CA, passwords from the environment")
    check(ADMIN_CONFIG in json.dumps(svc.get("healthcheck", {})) and ":9094" in json.dumps(svc.get("healthcheck", {})),
          f"compose {n}: health check logs in with the admin certificate on the BROKER listener")

# Topics: one script (deploy/k8s/create-topics.sh) for compose's kafka-init and the k8s Job
DLT = EVENTS + ".DLT"
TOPIC_SCRIPT = "deploy/k8s/create-topics.sh"
init = services.get("kafka-init", {})
check("../k8s/create-topics.sh:/scripts/create-topics.sh:ro" in (init.get("volumes") or []),
      "compose kafka-init mounts deploy/k8s/create-topics.sh")
check("/scripts/create-topics.sh" in " ".join(map(str, init.get("entrypoint") or [])), "compose kafka-init runs create-topics.sh")
ie = env_of(init)
# The admin tools log in with the kafka-admin certificate on the BROKER listener (9094): the SCRAM users
# they make do not exist before.
check(ie.get("BOOTSTRAP_SERVERS") == ",".join(f"{b}:9094" for b in brokers), "compose kafka-init: bootstraps from all three brokers (BROKER listener, 9094)")
check(ie.get("COMMAND_CONFIG") == ADMIN_CONFIG and f"kafka-tls:{KAFKA_TLS}:ro" in (init.get("volumes") or []),
      f"compose kafka-init: logs in as kafka-admin ({ADMIN_CONFIG})")
ACCESS_SCRIPT = "deploy/k8s/kafka-access.sh"
check("../k8s/kafka-access.sh:/scripts/kafka-access.sh:ro" in (init.get("volumes") or [])
      and "/scripts/kafka-access.sh" in " ".join(map(str, init.get("entrypoint") or [])),
      "compose kafka-init runs kafka-access.sh (users and ACLs) too")
check(ie.get("REPLICATION") == "3" and ie.get("MIN_ISR") == "2", "compose kafka-init: RF 3, min.insync.replicas 2")

def contract_partitions():
    path = "api-contracts/src/main/java/com/relationship/contracts/Topics.java"
    m = re.search(r"static final int PARTITIONS = (\d+);", open(path).read()) if os.path.exists(path) else None
    return m.group(1) if m else None

if check(os.path.exists(TOPIC_SCRIPT), f"{TOPIC_SCRIPT} exists"):
    text = open(TOPIC_SCRIPT).read()
    topics = {m.group(1): m.group(2).split() for m in re.finditer(r"^topic (\S+)(.*)$", text, re.M)}
    check(set(topics) == {EVENTS, STATUS, DLT, CHURN, VALUE, REFERENCE}, f"create-topics.sh creates exactly {EVENTS}, {STATUS}, {DLT}, {CHURN}, {VALUE}, {REFERENCE} (found {sorted(topics)})")
    m = re.search(r"^PARTITIONS=(\d+)$", text, re.M)
    check(m is not None and m.group(1) == contract_partitions(),
          f"create-topics.sh: partitions {m and m.group(1)} = api-contracts Topics.PARTITIONS {contract_partitions()}")
    for t in (EVENTS, DLT):
        check("retention.ms=-1" in topics.get(t, []), f"create-topics.sh: {t} keeps everything (retention.ms=-1)")
    for t, configs in topics.items():
        check(("cleanup.policy=compact" in configs) == (t in (STATUS, CHURN, VALUE, REFERENCE)), f"create-topics.sh: only {STATUS}, {CHURN}, {VALUE} and {REFERENCE} are compacted ({t})")
    # Run it against stand-ins for the Kafka CLI: it must create, re-configure and verify each topic.
    with tempfile.TemporaryDirectory() as bin_dir:
        log = os.path.join(bin_dir, "calls")
        for tool in ("kafka-topics.sh", "kafka-configs.sh"):
            with open(os.path.join(bin_dir, tool), "w") as f:
                f.write("#!/bin/bash\necho \"$(basename $0) $*\" >> " + log + "\n"
                        "if [[ \" $* \" == *\" --describe \"* ]]; then for i in $(seq 0 23); do echo \"Topic: x Partition: $i\"; done; fi\n")
            os.chmod(os.path.join(bin_dir, tool), 0o755)
        r = subprocess.run(["bash", TOPIC_SCRIPT], capture_output=True, text=True,
                           env={**os.environ, "KAFKA_BIN": bin_dir, "BOOTSTRAP_SERVERS": "k1:9092", "COMMAND_CONFIG": "/admin.properties"})
        check(r.returncode == 0, f"create-topics.sh runs against stand-in Kafka tools: {r.stderr.strip()}")
        calls = open(log).read() if os.path.exists(log) else ""
        check(bool(calls) and all("--command-config /admin.properties" in c for c in calls.splitlines()),
              "create-topics.sh logs in: every call passes COMMAND_CONFIG as --command-config")
        for t in (EVENTS, STATUS, DLT, CHURN, VALUE, REFERENCE):
            check(f"--create --if-not-exists --topic {t} --partitions 24 --replication-factor 3" in calls,
                  f"create-topics.sh creates {t} with 24 partitions, RF 3")
            check(f"--alter --entity-type topics --entity-name {t}" in calls, f"create-topics.sh re-applies the settings of {t}")

# Users and ACLs: one script (deploy/k8s/kafka-access.sh) for compose's kafka-init and the k8s Job. Run
# against stand-ins for the Kafka CLI, the grants it makes are read back and held to the rules: only
# relationship-service writes the events; only projection-service writes the status, churn-risk, account-value and
# dead-letter topics, and uses its consumer groups and transactional ids; nothing more.
PRINCIPALS = {"relationship-service": "RELATIONSHIP_KAFKA_PASSWORD", "projection-service": "PROJECTION_KAFKA_PASSWORD"}
EXPECTED_ACLS = ({("relationship-service", "topic", "literal", t, op) for t in (EVENTS, REFERENCE) for op in ("Write", "Read", "Describe")}
                 | {("projection-service", "topic", "literal", t, op) for t in (EVENTS, REFERENCE) for op in ("Read", "Describe")}
                 | {("projection-service", "topic", "literal", t, op) for t in (STATUS, CHURN, VALUE, DLT) for op in ("Write", "Read", "Describe")}
                 | {("projection-service", "group", "prefixed", "projection-service", op) for op in ("Read", "Describe")}
                 | {("projection-service", "transactional-id", "prefixed", "projection-", op) for op in ("Write", "Describe")})

def acl_grants(calls):
    """(principal, resource type, pattern type, name, operation) for every kafka-acls.sh --add call."""
    grants, denies = set(), []
    for line in calls.splitlines():
        words = line.split()
        if not words or words[0] != "kafka-acls.sh" or "--add" not in words:
            continue
        opts = {}
        for flag, value in zip(words, words[1:] + [""]):
            if flag.startswith("--"):
                opts.setdefault(flag, []).append(value)
        denies += opts.get("--deny-principal", [])
        pattern = (opts.get("--resource-pattern-type") or ["literal"])[0].lower()
        resources = [(kind, v) for kind in ("topic", "group", "transactional-id") for v in opts.get(f"--{kind}", [])]
        resources += [("cluster", "kafka-cluster")] if "--cluster" in opts else []
        for p in opts.get("--allow-principal", []):
            for kind, name in resources:
                for op in opts.get("--operation", []):
                    grants.add((p.split(":", 1)[1], kind, pattern, name, op.capitalize() if op.lower() != "idempotentwrite" else "IdempotentWrite"))
    return grants, denies

def covers(grant, kind, name):
    g_principal, g_kind, pattern, g_name, op = grant
    return g_kind == kind and (g_name == "*" or g_name == name or (pattern == "prefixed" and name.startswith(g_name)))

if check(os.path.exists(ACCESS_SCRIPT), f"{ACCESS_SCRIPT} exists"):
    with tempfile.TemporaryDirectory() as bin_dir:
        log = os.path.join(bin_dir, "calls")
        for tool in ("kafka-acls.sh", "kafka-configs.sh"):
            with open(os.path.join(bin_dir, tool), "w") as f:
                f.write("#!/bin/bash\necho \"$(basename $0) $*\" >> " + log + "\n")
            os.chmod(os.path.join(bin_dir, tool), 0o755)
        base_env = {**os.environ, "KAFKA_BIN": bin_dir, "BOOTSTRAP_SERVERS": "k1:9094", "COMMAND_CONFIG": "/admin.properties"}
        r = subprocess.run(["bash", ACCESS_SCRIPT], capture_output=True, text=True, env=base_env)
        check(r.returncode != 0 and not os.path.exists(log), "kafka-access.sh refuses to run without the services' passwords")
        pw = {v: f"pw-{k}" for k, v in PRINCIPALS.items()}
        r = subprocess.run(["bash", ACCESS_SCRIPT], capture_output=True, text=True, env={**base_env, **pw})
        check(r.returncode == 0, f"kafka-access.sh runs against stand-in Kafka tools: {r.stderr.strip()}")
        check(not any(v in r.stdout + r.stderr for v in pw.values()), "kafka-access.sh prints no password")
        calls = open(log).read() if os.path.exists(log) else ""
        check(bool(calls) and all("--bootstrap-server k1:9094 --command-config /admin.properties" in c for c in calls.splitlines()),
              "kafka-access.sh logs in: every call passes COMMAND_CONFIG as --command-config")
        for principal, variable in PRINCIPALS.items():
            check(f"--alter --entity-type users --entity-name {principal} --add-config SCRAM-SHA-512=[iterations=8192,password={pw[variable]}]" in calls,
                  f"kafka-access.sh makes (or re-keys) the SCRAM-SHA-512 user {principal} from {variable}")
        grants, denies = acl_grants(calls)
        check(grants == EXPECTED_ACLS, f"kafka-access.sh grants exactly the ACLs of deploy/README.md (more: {sorted(grants - EXPECTED_ACLS)}, missing: {sorted(EXPECTED_ACLS - grants)})")
        check(not denies and not any(g[0] == "*" or g[3] == "*" or g[4] == "All" for g in grants),
              "kafka-access.sh: no wildcard principal or resource, no All operation, no deny rule to reason about")
        writers = lambda kind, name: {g[0] for g in grants if covers(g, kind, name) and g[4] in ("Write", "All")}
        for t in (EVENTS, REFERENCE):
            check(writers("topic", t) == {"relationship-service"}, f"Kafka ACLs: only relationship-service writes {t}")
        for t in (STATUS, CHURN, VALUE, DLT):
            check(writers("topic", t) == {"projection-service"}, f"Kafka ACLs: only projection-service writes {t}")
        check({g[0] for g in grants if g[1] in ("group", "transactional-id")} == {"projection-service"},
              "Kafka ACLs: consumer groups and transactional ids are projection-service's only")
        check(not any(g[1] == "cluster" for g in grants), "Kafka ACLs: no service has a cluster-level right (no topic creation, no ACL changes)")

# The two services
for name, (port, db) in SERVICES.items():
    svc = services.get(name)
    if not check(svc is not None, f"compose: service {name}"):
        continue
    e = env_of(svc)
    check_spring_env(f"compose {name}", set(e))
    check(e.get("SERVER_PORT") == port, f"compose {name}: SERVER_PORT={port}")
    uri = e.get("SPRING_MONGODB_URI") or ""
    m = re.fullmatch(r"mongodb://(\w+):\$\{(\w+):\?[^}]+\}@([^/]+)/(\w+)\?(.*)", uri)
    check(m is not None and m.group(3) == ",".join(f"{h}:27017" for h in sorted(members)) and m.group(4) == db
          and "replicaSet=rs0" in m.group(5).split("&"),
          f"compose {name}: Mongo URI names all members, database {db}, replicaSet=rs0 (is {uri})")
    check(m is not None and (m.group(1), m.group(2)) == mongo_users.get(db),
          f"compose {name}: Mongo URI logs in as the user mongo-init makes for {db}, its password from the environment")
    opts = set(m.group(5).split("&")) if m else set()
    check({"tls=true", "authSource=admin"} <= opts, f"compose {name}: Mongo URI with tls=true and authSource=admin")
    check(e.get("SPRING_MONGODB_SSL_BUNDLE") == "mongodb"
          and e.get("SPRING_SSL_BUNDLE_PEM_MONGODB_TRUSTSTORE_CERTIFICATE") == "file:" + MONGO_CA
          and f"tls-ca:{os.path.dirname(MONGO_CA)}:ro" in (svc.get("volumes") or []),
          f"compose {name}: trusts the stack's CA for MongoDB (SSL bundle mongodb, {MONGO_CA} from the tls-ca volume)")
    check(e.get("SPRING_KAFKA_BOOTSTRAP_SERVERS") == ",".join(f"{b}:9092" for b in brokers),
          f"compose {name}: bootstrap servers are all three brokers")
    check(all(e.get(k) == v for k, v in KAFKA_CLIENT.items())
          and f"tls-ca:{os.path.dirname(KAFKA_CA)}:ro" in (svc.get("volumes") or []),
          f"compose {name}: Kafka client over SASL_SSL, SCRAM-SHA-512, trusting the stack's CA ({KAFKA_CA})")
    jaas = re.fullmatch(JAAS, e.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG") or "")
    check(jaas is not None and jaas.group(1) == name and (secret_ref(jaas.group(2)) or [None, None])[1] == PRINCIPALS.get(name),
          f"compose {name}: logs in to Kafka as {name}, its password from {PRINCIPALS.get(name)} (the user kafka-access.sh makes)")
    check(f"/actuator/health/readiness" in json.dumps(svc.get("healthcheck", {})) and f":{port}/" in json.dumps(svc.get("healthcheck", {})),
          f"compose {name}: health check is readiness on port {port}")
    build = svc.get("build") or {}
    context = os.path.normpath(os.path.join("deploy/compose", build.get("context", ".")))
    check(context == ".", f"compose {name}: build context is the repository root (is {context})")
    check(os.path.exists(os.path.join(context, build.get("dockerfile", "Dockerfile"))), f"compose {name}: dockerfile exists")
    check((build.get("args") or {}).get("SERVICE") == name, f"compose {name}: build arg SERVICE={name}")
    deps = svc.get("depends_on") or {}
    for dep in members + brokers:
        check((deps.get(dep) or {}).get("condition") == "service_healthy", f"compose {name}: waits for {dep} healthy")
    for dep in ("mongo-init", "kafka-init"):
        check((deps.get(dep) or {}).get("condition") == "service_completed_successfully", f"compose {name}: waits for {dep}")
    if not os.path.isdir(name):
        note(f"module {name}/ does not exist yet; its image cannot be built until it does")
same_identity_provider("compose", [env_of(services.get(n) or {}) for n in SERVICES])
# The topics come from kafka-init; projection-service has no right to create them (no CREATE ACL).
check(env_of(services.get("projection-service") or {}).get("PROJECTION_TOPICS_CREATE") == "false",
      "compose projection-service: PROJECTION_TOPICS_CREATE=false (topics come from kafka-init; it may not create them)")
check(bool(env_of(services.get("projection-service") or {}).get(AUTH_RETRY)),
      f"compose projection-service: {AUTH_RETRY} (its listeners retry an authorization error instead of stopping)")
issuer = env_of(services.get("relationship-service") or {}).get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI") or ""
check(re.fullmatch(r"\$\{IDP_ISSUER_URI:\?[^}]+\}", issuer) is not None,
      f"compose: the issuer is the placeholder ${{IDP_ISSUER_URI:?...}}, required from the shell (is {issuer})")
replicas = lambda s: int(((services.get(s) or {}).get("deploy") or {}).get("replicas", 1))

def app_setting(module, pattern, default=None):
    path = f"{module}/src/main/resources/application.yml"
    m = re.search(pattern, open(path).read(), re.S) if os.path.exists(path) else None
    return m.group(1) if m else default

relay_segments = int(app_setting("relationship-service", r"kafka-relay:\s*\n\s*mode: pooled\s*\n\s*initial-segment-count: (\d+)", 0))
listener_concurrency = int(app_setting("projection-service", r"listener:.*?concurrency: (\d+)", 1))
check(relay_segments >= 2, f"relationship-service: the relay has segments to share ({relay_segments})")
check(replicas("relationship-service") == 2, "compose: TWO relationship-service instances (ScaleOutIT proves two)")
check(replicas("relationship-service") <= relay_segments,
      f"compose: no more relationship-service replicas than relay segments ({relay_segments})")
check(replicas("projection-service") == 2, "compose: TWO projection-service instances")
check(replicas("projection-service") * listener_concurrency <= int(contract_partitions() or 24),
      "compose: projection consumers (replicas x listener concurrency) within the partitions")
# Only the load balancer is reachable from the host. A replica's own published port (even an
# ephemeral one) is a way around it; MongoDB and Kafka are reached with docker compose exec.
for name, svc in services.items():
    if name != "lb":
        check(not svc.get("ports"), f"compose {name}: publishes no port (only lb does; is {svc.get('ports')})")

# Load balancer in front of both services
lb = services.get("lb")
NGINX = "deploy/compose/nginx.conf"
if check(lb is not None, "compose: load balancer service lb"):
    check("./nginx.conf:/etc/nginx/nginx.conf:ro" in (lb.get("volumes") or []), "compose lb mounts nginx.conf")
    check(set(map(str, lb.get("ports") or [])) == {"8080:8080", "8081:8081"}, "compose lb publishes 8080 and 8081")
    for name in SERVICES:
        check(((lb.get("depends_on") or {}).get(name) or {}).get("condition") == "service_healthy",
              f"compose lb: waits for {name} healthy")
if check(os.path.exists(NGINX), f"{NGINX} exists"):
    conf = open(NGINX).read()
    for name, (port, db) in SERVICES.items():
        check(re.search(rf"server {name}:{port} resolve;", conf) is not None,
              f"nginx.conf: upstream {name}:{port}, re-resolved (every replica, after restarts)")
        check(f"listen {port};" in conf, f"nginx.conf listens on {port}")
    check("resolver 127.0.0.11" in conf, "nginx.conf resolves through Docker's DNS")
    check(re.search(r"hash \$account consistent;", conf) is not None, "nginx.conf routes commands by account id (consistent hash)")

# ---- 3. Kubernetes ------------------------------------------------------------------
k8s = {p: d for p, d in docs.items() if p.startswith("deploy/k8s/")}
kust = (k8s.get("deploy/k8s/kustomization.yaml") or [{}])[0]
listed = set(kust.get("resources", []))
# *.example.yaml: shapes to copy (a Secret's keys), never applied: a placeholder Secret in the
# kustomization would overwrite the real one on every `kubectl apply -k`.
is_example = lambda p: p.endswith(".example.yaml")
manifests = {os.path.basename(p) for p in k8s if not is_example(p)} - {"kustomization.yaml"}
example_files = {os.path.basename(p) for p in k8s if is_example(p)}
check(listed == manifests, f"kustomization.yaml lists every manifest but the examples (lists {sorted(listed)}, found {sorted(manifests)})")
check(not (listed & example_files), f"kustomization.yaml lists no *.example.yaml ({sorted(listed & example_files)})")
objects = [d for p, ds in k8s.items() if os.path.basename(p) in listed for d in ds]
examples = [d for p, ds in k8s.items() if is_example(p) for d in ds]
applied_secrets = sorted(o.get("metadata", {}).get("name") for o in objects if o.get("kind") == "Secret")
check(not applied_secrets, f"kustomization.yaml applies no Secret: create them with kubectl (applies {applied_secrets})")
for o in objects:
    check(all(k in o for k in ("apiVersion", "kind", "metadata")), f"k8s {o.get('kind')}/{o.get('metadata', {}).get('name')}: apiVersion, kind, metadata")
config = {o["metadata"]["name"]: o.get("data", {}) for o in objects if o.get("kind") == "ConfigMap"}
by_kind = lambda kind: {o["metadata"]["name"]: o for o in objects if o.get("kind") == kind}
deployments, k8s_services, pdbs = by_kind("Deployment"), by_kind("Service"), by_kind("PodDisruptionBudget")
for name, (port, db) in SERVICES.items():
    dep = deployments.get(name)
    if not check(dep is not None, f"k8s: Deployment {name}"):
        continue
    spec = dep["spec"]
    labels = spec["template"]["metadata"]["labels"]
    check(all(labels.get(k) == v for k, v in spec["selector"]["matchLabels"].items()), f"k8s {name}: selector matches pod labels")
    c = spec["template"]["spec"]["containers"][0]
    check(any(str(p.get("containerPort")) == port for p in c.get("ports", [])), f"k8s {name}: container port {port}")
    env = {e["name"]: e for e in c.get("env", [])}
    check_spring_env(f"k8s {name}", set(env))
    for e in env.values():
        ref = (e.get("valueFrom") or {}).get("configMapKeyRef")
        if ref:
            check(ref["key"] in config.get(ref["name"], {}), f"k8s {name}: {e['name']} refers to an existing ConfigMap key {ref['name']}/{ref['key']}")
    for probe, path in (("livenessProbe", "/actuator/health/liveness"), ("readinessProbe", "/actuator/health/readiness")):
        check((c.get(probe) or {}).get("httpGet", {}).get("path") == path, f"k8s {name}: {probe} on {path}")
    check(bool((c.get("resources") or {}).get("limits", {}).get("memory")), f"k8s {name}: memory limit (the heap is sized from it)")
    svc = k8s_services.get(name)
    check(svc is not None and all(labels.get(k) == v for k, v in svc["spec"]["selector"].items()), f"k8s {name}: Service selects its pods")
# The Secrets the manifests expect are created by hand; the example files show their keys.
secrets = {o["metadata"]["name"]: {**(o.get("data") or {}), **(o.get("stringData") or {})}
           for o in objects + examples if o.get("kind") == "Secret"}
for name, (port, db) in SERVICES.items():
    dep = deployments.get(name)
    if dep is None:
        continue
    spec = dep["spec"]
    pod = spec["template"]["spec"]
    c = pod["containers"][0]
    env = {e["name"]: e for e in c.get("env", [])}
    check(int(spec.get("replicas", 1)) >= 2, f"k8s {name}: at least two replicas")
    if name == "relationship-service":
        check(int(spec.get("replicas", 1)) <= relay_segments, f"k8s {name}: no more replicas than relay segments ({relay_segments})")
    strategy = spec.get("strategy") or {}
    check(strategy.get("type") == "RollingUpdate" and (strategy.get("rollingUpdate") or {}).get("maxUnavailable") == 0,
          f"k8s {name}: rolling update that never drops below the replica count")
    pdb = pdbs.get(name)
    check(pdb is not None and pdb["spec"].get("minAvailable") == 1
          and all(spec["template"]["metadata"]["labels"].get(k) == v for k, v in pdb["spec"]["selector"]["matchLabels"].items()),
          f"k8s {name}: PodDisruptionBudget minAvailable 1 selecting its pods")
    pre = ((c.get("lifecycle") or {}).get("preStop") or {})
    m = re.search(r"sleep (\d+)", " ".join(pre.get("exec", {}).get("command", [])))
    pre_stop = int(m.group(1)) if m else int((pre.get("sleep") or {}).get("seconds", 0))
    check(pre_stop >= 5, f"k8s {name}: preStop delay before SIGTERM (is {pre_stop} s)")
    grace = int(pod.get("terminationGracePeriodSeconds", 30))
    check(grace >= pre_stop + 30 + 5, f"k8s {name}: terminationGracePeriodSeconds {grace} covers preStop {pre_stop} s + 30 s graceful shutdown")
    ref = ((env.get("SPRING_MONGODB_URI") or {}).get("valueFrom") or {}).get("secretKeyRef") or {}
    check(ref.get("key") in secrets.get(ref.get("name"), {}),
          f"k8s {name}: SPRING_MONGODB_URI from a Secret key that exists ({ref.get('name')}/{ref.get('key')})")
    uri = secrets.get(ref.get("name"), {}).get(ref.get("key"), "")
    check(re.search(rf"/{db}(\?|$)", uri) is not None, f"k8s Secret {ref.get('key')} names database {db}")
    check("tls=true" in re.split(r"[?&]", uri), f"k8s Secret {ref.get('key')}: the connection string requires TLS (tls=true)")
    mounts = {m["mountPath"]: m["name"] for m in c.get("volumeMounts", [])}
    volumes = {v["name"]: v for v in pod.get("volumes", [])}
    ca_volume = volumes.get(mounts.get(os.path.dirname(MONGO_CA)), {})
    check((env.get("SPRING_MONGODB_SSL_BUNDLE") or {}).get("value") == "mongodb"
          and (env.get("SPRING_SSL_BUNDLE_PEM_MONGODB_TRUSTSTORE_CERTIFICATE") or {}).get("value") == "file:" + MONGO_CA
          and "secretName" in (ca_volume.get("secret") or {}),
          f"k8s {name}: trusts MongoDB's CA (SSL bundle mongodb, {MONGO_CA} from a Secret)")
    # Kafka: SCRAM-SHA-512 over TLS as the user the ACLs name, its JAAS line from a Secret, the CA from another.
    kafka_ca_volume = volumes.get(mounts.get(os.path.dirname(KAFKA_CA)), {})
    check(all((env.get(k) or {}).get("value") == v for k, v in KAFKA_CLIENT.items()) and "secretName" in (kafka_ca_volume.get("secret") or {}),
          f"k8s {name}: Kafka client over SASL_SSL, SCRAM-SHA-512, trusting the CA of a Secret ({KAFKA_CA})")
    ref = ((env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG") or {}).get("valueFrom") or {}).get("secretKeyRef") or {}
    check(ref == {"name": f"{name}-kafka", "key": "sasl.jaas.config"},
          f"k8s {name}: SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG from Secret {name}-kafka, key sasl.jaas.config (is {ref})")
    jaas = re.fullmatch(JAAS, str(secrets.get(f"{name}-kafka", {}).get("sasl.jaas.config", "")).strip())
    check(jaas is not None and jaas.group(1) == name, f"k8s Secret {name}-kafka: its JAAS line logs in as {name}, the principal of the ACLs")
    if name == "projection-service":
        check((env.get("PROJECTION_TOPICS_CREATE") or {}).get("value") == "false",
              "k8s projection-service: PROJECTION_TOPICS_CREATE=false (topics come from the Job; it may not create them)")
        check(bool((env.get(AUTH_RETRY) or {}).get("value")),
              f"k8s projection-service: {AUTH_RETRY} (the kafka-access Job may run after it started)")
    instance = {"relationship-service": "RELATIONSHIP_EVENT_STORE_NODE_ID", "projection-service": "PROJECTION_INSTANCE_ID"}[name]
    check(((env.get(instance) or {}).get("valueFrom") or {}).get("fieldRef", {}).get("fieldPath") == "metadata.name",
          f"k8s {name}: {instance} is the pod name (unique per instance)")
for data in config.values():
    check(not any("MONGODB_URI" in k for k in data), "k8s: no MongoDB URI in a ConfigMap (credentials live in the Secret)")
def k8s_env(name):
    c = ((deployments.get(name) or {}).get("spec", {}).get("template", {}).get("spec", {}).get("containers") or [{}])[0]
    return {e["name"]: json.dumps(e.get("valueFrom") or e.get("value"), sort_keys=True) for e in c.get("env", [])}
same_identity_provider("k8s", [k8s_env(n) for n in SERVICES])
check(all(config.get("relationship-lifecycle-config", {}).get(k) for k in ("IDP_ISSUER_URI", "IDP_AUDIENCE", "IDP_ROLES_CLAIM")),
      "k8s ConfigMap relationship-lifecycle-config has IDP_ISSUER_URI, IDP_AUDIENCE, IDP_ROLES_CLAIM")
check(re.match(r"https://", config.get("relationship-lifecycle-config", {}).get("IDP_ISSUER_URI", "")) is not None,
      "k8s ConfigMap IDP_ISSUER_URI is an https:// issuer (OpenID discovery needs one)")
job = by_kind("Job").get("kafka-topics")
if check(job is not None, "k8s: Job kafka-topics creates the topics"):
    pod = job["spec"]["template"]["spec"]
    c = pod["containers"][0]
    check("/scripts/create-topics.sh" in " ".join(c.get("command", [])), "k8s kafka-topics runs create-topics.sh")
    vols = {v["name"]: v for v in pod.get("volumes", [])}
    mounted = [vols.get(m["name"], {}).get("configMap", {}).get("name") for m in c.get("volumeMounts", []) if m.get("mountPath") == "/scripts"]
    generated = {g["name"]: g.get("files", []) for g in kust.get("configMapGenerator", [])}
    check(mounted == ["kafka-topics-script"] and generated.get("kafka-topics-script") == ["create-topics.sh"],
          "k8s kafka-topics mounts the ConfigMap kustomization generates from create-topics.sh")
    check(kust.get("generatorOptions", {}).get("disableNameSuffixHash") is True,
          "k8s: the script ConfigMap has a stable name (a Job's pod template cannot change)")
    jenv = {e["name"]: e for e in c.get("env", [])}
    ref = (jenv.get("BOOTSTRAP_SERVERS", {}).get("valueFrom") or {}).get("configMapKeyRef") or {}
    check(ref.get("key") in config.get(ref.get("name"), {}), "k8s kafka-topics: BOOTSTRAP_SERVERS from the ConfigMap")

# The Kafka admin Jobs log in as an administrator whose client properties are a Secret; kafka-access makes
# the services' SCRAM users with the passwords of their Secrets and grants the ACLs (kafka-access.sh).
ADMIN_SECRET = "relationship-lifecycle-kafka-admin"
access = by_kind("Job").get("kafka-access")
if check(access is not None, "k8s: Job kafka-access makes the Kafka users and ACLs"):
    pod = access["spec"]["template"]["spec"]
    c = pod["containers"][0]
    check("/scripts/kafka-access.sh" in " ".join(c.get("command", [])), "k8s kafka-access runs kafka-access.sh")
    vols = {v["name"]: v for v in pod.get("volumes", [])}
    mounted = [vols.get(m["name"], {}).get("configMap", {}).get("name") for m in c.get("volumeMounts", []) if m.get("mountPath") == "/scripts"]
    generated = {g["name"]: g.get("files", []) for g in kust.get("configMapGenerator", [])}
    check(mounted == ["kafka-access-script"] and generated.get("kafka-access-script") == ["kafka-access.sh"],
          "k8s kafka-access mounts the ConfigMap kustomization generates from kafka-access.sh")
    jenv = {e["name"]: e for e in c.get("env", [])}
    for principal, variable in PRINCIPALS.items():
        ref = ((jenv.get(variable) or {}).get("valueFrom") or {}).get("secretKeyRef") or {}
        check(ref == {"name": f"{principal}-kafka", "key": "password"},
              f"k8s kafka-access: {variable} from Secret {principal}-kafka, key password (the one its JAAS line carries)")
        example = secrets.get(f"{principal}-kafka", {})
        jaas = re.fullmatch(JAAS, str(example.get("sasl.jaas.config", "")).strip())
        check(jaas is not None and jaas.group(2) == str(example.get("password")),
              f"k8s Secret {principal}-kafka (example): password and the JAAS line's password are one")
admin_props = properties(str(secrets.get(ADMIN_SECRET, {}).get("client.properties", "")))
check(admin_props.get("security.protocol") in ("SASL_SSL", "SSL"), f"k8s Secret {ADMIN_SECRET} (example): the admin logs in over TLS")
for jobname in ("kafka-topics", "kafka-access"):
    job = by_kind("Job").get(jobname)
    if job is None:
        continue
    pod = job["spec"]["template"]["spec"]
    c = pod["containers"][0]
    jenv = {e["name"]: e for e in c.get("env", [])}
    vols = {v["name"]: v for v in pod.get("volumes", [])}
    mounts = {m["mountPath"]: vols.get(m["name"], {}) for m in c.get("volumeMounts", [])}
    command_config = (jenv.get("COMMAND_CONFIG") or {}).get("value") or ""
    admin_volume = (mounts.get(os.path.dirname(command_config)) or {}).get("secret") or {}
    check(admin_volume.get("secretName") == ADMIN_SECRET and os.path.basename(command_config) in {i["path"] for i in admin_volume.get("items", [])},
          f"k8s {jobname}: COMMAND_CONFIG ({command_config}) is client.properties of Secret {ADMIN_SECRET}")
    truststore = admin_props.get("ssl.truststore.location", "")
    check("secretName" in ((mounts.get(os.path.dirname(truststore)) or {}).get("secret") or {}),
          f"k8s {jobname}: the truststore the admin's client.properties names ({truststore}) is mounted from a Secret")

# Pods: none of them calls the Kubernetes API, so none gets a service-account token to steal.
pod_templates = {f"{o['kind']}/{o['metadata']['name']}": o["spec"]["template"] for o in objects
                 if o.get("kind") in ("Deployment", "StatefulSet", "DaemonSet", "Job")}
for where, tpl in pod_templates.items():
    check(tpl.get("spec", {}).get("automountServiceAccountToken") is False,
          f"k8s {where}: automountServiceAccountToken: false (no API access needed)")

# Resources: every container requests CPU and memory (scheduling) and is limited in memory and in
# ephemeral storage (its writable layer, logs and emptyDirs count against the node's disk); every emptyDir
# has a size limit. No CPU limit on purpose: it throttles the JVM's startup and GC threads.
for where, tpl in pod_templates.items():
    for c in tpl.get("spec", {}).get("containers", []) + tpl.get("spec", {}).get("initContainers", []):
        r = c.get("resources") or {}
        check(all((r.get("requests") or {}).get(k) for k in ("cpu", "memory"))
              and all((r.get("limits") or {}).get(k) for k in ("memory", "ephemeral-storage")),
              f"k8s {where} {c.get('name')}: requests cpu and memory, limits memory and ephemeral-storage (is {r})")
    for v in tpl.get("spec", {}).get("volumes", []):
        if "emptyDir" in v:
            check(bool((v["emptyDir"] or {}).get("sizeLimit")), f"k8s {where}: emptyDir {v['name']} has a sizeLimit")

# NetworkPolicies: everything this kustomization runs is denied by default, in and out; each pod is then
# let reach what it needs and reached only on its own port, from named sources.
PART_OF = {"app.kubernetes.io/part-of": "relationship-lifecycle"}
policies = by_kind("NetworkPolicy")

def selects(selector, labels):
    selector = selector or {}
    if any(labels.get(k) != v for k, v in (selector.get("matchLabels") or {}).items()):
        return False
    for e in selector.get("matchExpressions") or []:
        key, op, values = e["key"], e["operator"], e.get("values") or []
        if (op == "In" and labels.get(key) not in values) or (op == "NotIn" and labels.get(key) in values) \
                or (op == "Exists" and key not in labels) or (op == "DoesNotExist" and key in labels):
            return False
    return True

def host_ports(hosts, default):
    return {int(h.rsplit(":", 1)[1]) if ":" in h else default for h in hosts.split(",") if h}

kafka_ports = host_ports(config.get("relationship-lifecycle-config", {}).get("KAFKA_BOOTSTRAP_SERVERS", ""), 9092)
mongo_ports = set()
for o in objects + examples:
    if o.get("kind") == "Secret":
        for v in {**(o.get("data") or {}), **(o.get("stringData") or {})}.values():
            m = re.match(r"mongodb://(?:[^@/]*@)?([^/?]+)", str(v))
            if m:
                mongo_ports |= host_ports(m.group(1), 27017)
DNS = {("UDP", 53), ("TCP", 53)}
HTTPS = {("TCP", 443)}  # the identity provider (OpenID discovery, JWK set), outside the cluster
needs = {name: {"ingress": {("TCP", int(port))},
                "egress": DNS | {("TCP", p) for p in kafka_ports | mongo_ports} | HTTPS} for name, (port, db) in SERVICES.items()}
needs["kafka-topics"] = needs["kafka-access"] = {"ingress": set(), "egress": DNS | {("TCP", p) for p in kafka_ports}}
default_deny = [p for p in policies.values()
                if set(p["spec"].get("policyTypes") or []) == {"Ingress", "Egress"}
                and not p["spec"].get("ingress") and not p["spec"].get("egress")]
check(bool(default_deny), "k8s: a default-deny NetworkPolicy (Ingress and Egress, no rule)")
for where, tpl in pod_templates.items():
    labels = tpl.get("metadata", {}).get("labels") or {}
    name = labels.get("app.kubernetes.io/name")
    check(any(selects(p["spec"].get("podSelector"), labels) for p in default_deny),
          f"k8s {where}: selected by the default-deny NetworkPolicy")
    mine = [p for p in policies.values() if p not in default_deny and selects(p["spec"].get("podSelector"), labels)]
    allowed = {"ingress": set(), "egress": set()}
    for p in mine:
        for direction, peers in (("ingress", "from"), ("egress", "to")):
            for rule in p["spec"].get(direction) or []:
                ports = {(q.get("protocol", "TCP"), int(q["port"])) for q in rule.get("ports") or []}
                check(bool(rule.get(peers)) and bool(ports),
                      f"k8s NetworkPolicy {p['metadata']['name']}: every {direction} rule names its peers and ports")
                for peer in rule.get(peers) or []:
                    wide = "ipBlock" in peer
                    check(not wide or ports <= HTTPS,
                          f"k8s NetworkPolicy {p['metadata']['name']}: an address range only for HTTPS to the identity provider ({sorted(ports)})")
                allowed[direction] |= ports
    want = needs.get(name)
    if check(want is not None, f"k8s {where}: its NetworkPolicy needs are known to check-deploy.sh"):
        for direction in ("ingress", "egress"):
            check(allowed[direction] == want[direction],
                  f"k8s {where}: NetworkPolicy {direction} allows exactly {sorted(want[direction])} (allows {sorted(allowed[direction])})")

def walk(node):
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)

def referenced_secrets(objs):
    """{Secret name: {keys}} for every secretKeyRef and secret volume in objs."""
    refs = {}
    for o in objs:
        for n in walk(o):
            if isinstance(n.get("secretKeyRef"), dict):
                refs.setdefault(n["secretKeyRef"]["name"], set()).add(n["secretKeyRef"]["key"])
            if isinstance(n.get("secret"), dict) and "secretName" in n["secret"]:
                keys = {i["key"] for i in n["secret"].get("items", [])}
                refs.setdefault(n["secret"]["secretName"], set()).update(keys)
    return refs

def documented_secrets(markdown):
    """{Secret name: {keys}} from the `kubectl create secret generic NAME --from-literal=KEY=... --from-file=KEY=...`
    commands in a document (a command may continue over lines ending in a backslash)."""
    text = re.sub(r"\\\n\s*", " ", markdown)
    docs_ = {}
    for m in re.finditer(r"kubectl (?:-n \S+ )?create secret generic ([\w.-]+)([^\n`]*)", text):
        docs_.setdefault(m.group(1), set()).update(re.findall(r"--from-(?:literal|file)=([\w.-]+)=", m.group(2)))
    return docs_

DEPLOY_README = "deploy/README.md"
documented = documented_secrets(open(DEPLOY_README).read()) if os.path.exists(DEPLOY_README) else {}
for name, keys in sorted(referenced_secrets(objects).items()):
    check(name in documented and keys <= documented[name],
          f"{DEPLOY_README} documents `kubectl create secret generic {name}` with keys {sorted(keys)}"
          f" (documents {sorted(documented.get(name, []))})")
    example = secrets.get(name)
    check(example is not None and keys <= set(example),
          f"k8s: an *.example.yaml shows Secret {name} with keys {sorted(keys)}")

if shutil.which("kubectl"):
    r = subprocess.run(["kubectl", "kustomize", "deploy/k8s"], capture_output=True, text=True)
    check(r.returncode == 0, f"kubectl kustomize deploy/k8s renders: {r.stderr.strip()}")
else:
    note("kubectl not installed; kustomization not rendered")

# ---- 4. Dockerfile ------------------------------------------------------------------
DOCKERFILE = "deploy/docker/Dockerfile"
if check(os.path.exists(DOCKERFILE), f"{DOCKERFILE} exists"):
    d = open(DOCKERFILE).read()
    check("ARG SERVICE" in d and "COPY ${SERVICE}/target/${SERVICE}-*.jar" in d, "Dockerfile copies ${SERVICE}/target/${SERVICE}-*.jar")
    check("-Djarmode=tools" in d and "extract --layers --launcher" in d, "Dockerfile extracts layers with the Boot 4 tools jar mode")
    check("org.springframework.boot.loader.launch.JarLauncher" in d, "Dockerfile starts Boot 4's JarLauncher")
    user = re.findall(r"^USER\s+(\S+)", d, re.M)
    check(bool(user) and user[-1].split(":")[0] not in ("root", "0"), "Dockerfile runs as a non-root user")
    check(re.search(r"^HEALTHCHECK .*\n?.*?/actuator/health/readiness", d, re.M) is not None, "Dockerfile HEALTHCHECK on readiness")
    check("MaxRAMPercentage" in d, "Dockerfile sizes the heap from the container limit")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
