export { openEventStoreDbEventStore, EventStoreDbEventStore, type EventStoreDbOptions } from './eventstoredb-event-store';
export { startEventStoreDbStandIn, STAND_IN_VERSION, type EventStoreDbStandIn } from './stand-in/start-stand-in';
