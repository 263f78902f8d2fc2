import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DATABASE } from '@calltrail/ledger';
import type { Database } from '@calltrail/sql';
import { queryFindings, type FindingsFilter, type FindingsReport } from './findings-query';

export class FindingsQuery extends Query<FindingsReport> {
  constructor(
    readonly filter: FindingsFilter,
    readonly asOf: Date,
  ) {
    super();
  }
}

@QueryHandler(FindingsQuery)
export class FindingsHandler implements IQueryHandler<FindingsQuery, FindingsReport> {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  execute(query: FindingsQuery): Promise<FindingsReport> {
    return queryFindings(this.db, query.filter, query.asOf);
  }
}
