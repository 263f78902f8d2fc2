export { openEventStoreDbEventStore, EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
export { startEventStoreDbStandIn, type EventStoreDbStandIn } from './stand-in/start-stand-in';
