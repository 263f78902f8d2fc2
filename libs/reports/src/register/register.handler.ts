import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@calltrail/event-store';
import { EVENT_STORE } from '@calltrail/ledger';
import { processingRegister } from './build-register';
import type { ProcessingRegister } from './processing-register';

export class ProcessingRegisterQuery extends Query<ProcessingRegister> {
  constructor(readonly asOf: Date) {
    super();
  }
}

@QueryHandler(ProcessingRegisterQuery)
export class ProcessingRegisterHandler implements IQueryHandler<ProcessingRegisterQuery, ProcessingRegister> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: ProcessingRegisterQuery): Promise<ProcessingRegister> {
    return processingRegister(this.store, query.asOf);
  }
}
