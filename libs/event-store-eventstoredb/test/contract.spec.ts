import { randomUUID } from 'node:crypto';
import { describeEventStoreContract, type EventStoreFactory } from '@calltrail/event-store/contract';
import { openEventStoreDbEventStore, startEventStoreDbStandIn } from '../src/index';

/** A fresh stand-in per test: an empty server, as the contract asks. */
const onStandIn: EventStoreFactory = async () => {
  const standIn = await startEventStoreDbStandIn();
  const store = await openEventStoreDbEventStore({ connectionString: standIn.url });
  return {
    store,
    dispose: async () => {
      await store.close();
      await standIn.close();
    },
  };
};

/** A real server cannot be emptied: each test gets its own stream prefix, so it sees an empty ledger. */
const onServer =
  (connectionString: string): EventStoreFactory =>
  async () => {
    const store = await openEventStoreDbEventStore({ connectionString, streamPrefix: `contract-${randomUUID()}.` });
    return { store, dispose: () => store.close() };
  };

const targets: Array<[string, EventStoreFactory]> = [['the in-repo stand-in (not a server)', onStandIn]];
if (process.env['EVENTSTORE_URL']) targets.push(['the server at EVENTSTORE_URL', onServer(process.env['EVENTSTORE_URL'])]);

for (const [name, factory] of targets) describeEventStoreContract(`eventstoredb on ${name}`, factory);
