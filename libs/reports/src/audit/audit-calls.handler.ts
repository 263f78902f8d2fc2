import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@calltrail/event-store';
import { DATABASE, EVENT_STORE } from '@calltrail/ledger';
import type { Database } from '@calltrail/sql';
import { auditCalls, type AuditCallsArgs } from './audit-calls';
import type { CallAudit } from './call-audit';

export class AuditCallsQuery extends Query<CallAudit> {
  constructor(readonly args: AuditCallsArgs) {
    super();
  }
}

@QueryHandler(AuditCallsQuery)
export class AuditCallsHandler implements IQueryHandler<AuditCallsQuery, CallAudit> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  execute(query: AuditCallsQuery): Promise<CallAudit> {
    return auditCalls({ store: this.store, db: this.db }, query.args);
  }
}
