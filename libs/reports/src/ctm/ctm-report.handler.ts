import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@calltrail/event-store';
import { DATABASE, EVENT_STORE } from '@calltrail/ledger';
import { CTM_PROJECTION } from '@calltrail/projections';
import type { Database } from '@calltrail/sql';
import type { CtmReportArgs } from './ctm-report';
import { catchUpReadModel } from '../catch-up-read-model';
import { ctmReport } from './ctm-read-model';
import type { CtmReport } from './ctm-report.types';

export class CtmReportQuery extends Query<CtmReport> {
  constructor(readonly args: CtmReportArgs) {
    super();
  }
}

/**
 * The CTM report from its read models, as of the projection's checkpoint: caught up first, unless a
 * runner (`calltrail serve`) is keeping them current.
 */
@QueryHandler(CtmReportQuery)
export class CtmReportHandler implements IQueryHandler<CtmReportQuery, CtmReport> {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(query: CtmReportQuery): Promise<CtmReport> {
    await catchUpReadModel(this.db, this.store, CTM_PROJECTION);
    return ctmReport({ db: this.db }, query.args);
  }
}
