import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@calltrail/event-store';
import { EVENT_STORE } from '@calltrail/ledger';
import { ctmReport, type CtmReportArgs } from './ctm-report';
import type { CtmReport } from './ctm-report.types';

export class CtmReportQuery extends Query<CtmReport> {
  constructor(readonly args: CtmReportArgs) {
    super();
  }
}

@QueryHandler(CtmReportQuery)
export class CtmReportHandler implements IQueryHandler<CtmReportQuery, CtmReport> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(query: CtmReportQuery): Promise<CtmReport> {
    return ctmReport({ store: this.store }, query.args);
  }
}
