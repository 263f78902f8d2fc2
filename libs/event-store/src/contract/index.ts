export { describeEventStoreContract, type EventStoreContractTarget, type EventStoreFactory } from './event-store.contract';
