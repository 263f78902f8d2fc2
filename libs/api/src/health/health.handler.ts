import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@calltrail/event-store';
import { DATABASE, EVENT_STORE, LEDGER_INFO, type LedgerInfo } from '@calltrail/ledger';
import { allProjections, projectionLag } from '@calltrail/projections';
import type { Database } from '@calltrail/sql';
import type { Health } from './health.model';
import { HealthQuery } from './health.query';

@QueryHandler(HealthQuery)
export class HealthHandler implements IQueryHandler<HealthQuery, Health> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LEDGER_INFO) private readonly info: LedgerInfo,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async execute(): Promise<Health> {
    return {
      storeKind: this.store.kind,
      headPosition: await this.store.headPosition(),
      dataLocation: this.info.dataLocation,
      version: this.info.version,
      projections: await projectionLag(this.db, this.store, allProjections()),
    };
  }
}
