// Run by the one-shot mongo-init service (mongosh --host mongo1:27017 --file ...).
// Initiates replica set rs0 once, then waits until a PRIMARY is elected.
// Safe to run again: on a restart with existing volumes the set is already configured.
const config = {
  _id: 'rs0',
  members: [
    { _id: 0, host: 'mongo1:27017' },
    { _id: 1, host: 'mongo2:27017' },
    { _id: 2, host: 'mongo3:27017' },
  ],
};

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

for (let i = 0; i < 120; i++) {
  const hello = db.adminCommand({ hello: 1 });
  if (hello.primary) {
    print('rs0 primary: ' + hello.primary);
    quit(0);
  }
  sleep(1000);
}
print('rs0 has no PRIMARY after 120 s');
quit(1);
