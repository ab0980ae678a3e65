// Run by the one-shot mongo-init service (mongosh --tls --host mongo1:27017 --file ...).
// Initiates replica set rs0 once, waits until a PRIMARY is elected, then makes (or updates) one
// user per service, readWrite on its own database only; projection-service's also reads (find, nothing
// else) the contacts' data keys in relationship.data_keys (docs/personal-data.md).
// Safe to run again: on a restart with existing volumes the set is already configured, and the
// users get the passwords of deploy/compose/.env again.
// Authentication is on (the members run with --keyFile). Every member was started with the root
// user of MONGO_INITDB_ROOT_*, so the root user exists before the set does.
const CA = '/etc/mongo-ca/ca.crt';
const config = {
  _id: 'rs0',
  members: [
    { _id: 0, host: 'mongo1:27017' },
    { _id: 1, host: 'mongo2:27017' },
    { _id: 2, host: 'mongo3:27017' },
  ],
};
// Each service's user: its database, and the variable of deploy/compose/.env with its password
// (the same variable compose.yaml puts into that service's SPRING_MONGODB_URI).
const users = [
  { user: 'relationship', db: 'relationship', password: 'MONGO_RELATIONSHIP_PASSWORD' },
  { user: 'projection', db: 'projection', password: 'MONGO_PROJECTION_PASSWORD' },
];

function env(name) {
  const value = process.env[name];
  if (!value) {
    print(name + ' is not set: run deploy/compose/make-secrets.sh (see deploy/README.md)');
    quit(1);
  }
  return value;
}

db.getSiblingDB('admin').auth('root', env('MONGO_ROOT_PASSWORD'));

try {
  rs.status();
  print('rs0 already initiated');
} catch (e) {
  // 94 NotYetInitialized: this member has no replica set config yet.
  if (e.codeName !== 'NotYetInitialized' && e.code !== 94) {
    throw e;
  }
  rs.initiate(config);
  print('rs0 initiated');
}

let primary = null;
for (let i = 0; i < 120 && !primary; i++) {
  primary = db.adminCommand({ hello: 1 }).primary;
  if (!primary) {
    sleep(1000);
  }
}
if (!primary) {
  print('rs0 has no PRIMARY after 120 s');
  quit(1);
}
print('rs0 primary: ' + primary);

// Users are written on the primary, acknowledged by a majority.
const admin = new Mongo('mongodb://' + primary + '/?tls=true&tlsCAFile=' + encodeURIComponent(CA)).getDB('admin');
admin.auth('root', env('MONGO_ROOT_PASSWORD'));
// find on relationship.data_keys only: projection-service opens contacts' sealed data, creates no key.
const READ_DATA_KEYS = 'readDataKeys';
const dataKeys = { resource: { db: 'relationship', collection: 'data_keys' }, actions: ['find'] };
if (admin.getRole(READ_DATA_KEYS)) {
  admin.updateRole(READ_DATA_KEYS, { privileges: [dataKeys], roles: [] }, { w: 'majority' });
} else {
  admin.createRole({ role: READ_DATA_KEYS, privileges: [dataKeys], roles: [] }, { w: 'majority' });
}
const extraRoles = { projection: [{ role: READ_DATA_KEYS, db: 'admin' }] };
for (const u of users) {
  const roles = [{ role: 'readWrite', db: u.db }].concat(extraRoles[u.user] || []);
  const pwd = env(u.password);
  if (admin.getUser(u.user)) {
    admin.updateUser(u.user, { pwd: pwd, roles: roles }, { w: 'majority' });
    print('user ' + u.user + ' updated');
  } else {
    admin.createUser({ user: u.user, pwd: pwd, roles: roles }, { w: 'majority' });
    print('user ' + u.user + ' created');
  }
}
quit(0);
