import { describeEventStoreContract } from '@calltrail/event-store/contract';
import { openPostgresEventStore } from '../src';
import { afterAll } from 'vitest';
import { closeSharedPglite, testDatabases } from './databases';

afterAll(closeSharedPglite);

for (const [name, freshDatabase] of testDatabases()) {
  describeEventStoreContract(`postgres adapter on ${name}`, async () => {
    const { db, dispose } = await freshDatabase();
    const store = await openPostgresEventStore(db);
    return {
      store,
      async dispose() {
        await store.close();
        await dispose();
      },
    };
  });
}
