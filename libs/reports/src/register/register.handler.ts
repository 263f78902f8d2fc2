import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@calltrail/event-store';
import { DATABASE, EVENT_STORE } from '@calltrail/ledger';
import { REGISTER_PROJECTION } from '@calltrail/projections';
import type { Database } from '@calltrail/sql';
import { catchUpReadModel } from '../catch-up-read-model';
import { processingRegister } from './register-read-model';
import type { ProcessingRegister } from './processing-register';

export class ProcessingRegisterQuery extends Query<ProcessingRegister> {
  constructor(readonly asOf: Date) {
    super();
  }
}

/**
 * The register from its read models, as of the projection's checkpoint: caught up first, unless a runner
 * (`calltrail serve`) is keeping them current.
 */
@QueryHandler(ProcessingRegisterQuery)
export class ProcessingRegisterHandler implements IQueryHandler<ProcessingRegisterQuery, ProcessingRegister> {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(query: ProcessingRegisterQuery): Promise<ProcessingRegister> {
    await catchUpReadModel(this.db, this.store, REGISTER_PROJECTION);
    return processingRegister(this.db, query.asOf);
  }
}
