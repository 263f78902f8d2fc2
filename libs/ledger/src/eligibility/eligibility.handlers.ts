import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { EventStore } from '@calltrail/event-store';
import type { PiiVault } from '@calltrail/pii-vault';
import type { Database } from '@calltrail/sql';
import { DATABASE, EVENT_STORE, PII_VAULT } from '../tokens';
import type { EligibilityAnswer } from './eligibility-answer';
import { EligibilityReader, type EligibilityTarget } from './eligibility-reader';

export class CheckEligibilityQuery extends Query<EligibilityAnswer> {
  constructor(
    readonly subject: { phone?: string; contactId?: string },
    readonly target: EligibilityTarget,
  ) {
    super();
  }
}

export class CheckEligibilityBatchQuery extends Query<EligibilityAnswer[]> {
  constructor(
    readonly phones: readonly string[],
    readonly target: EligibilityTarget,
  ) {
    super();
  }
}

/** One reader per process, over the ports the app wired. */
abstract class EligibilityHandlerBase {
  protected readonly reader: EligibilityReader;

  constructor(db: Database, store: EventStore, vault: PiiVault) {
    this.reader = new EligibilityReader({ db, store, phoneHash: (e164) => vault.phoneHash(e164) });
  }
}

@QueryHandler(CheckEligibilityQuery)
export class CheckEligibilityHandler
  extends EligibilityHandlerBase
  implements IQueryHandler<CheckEligibilityQuery, EligibilityAnswer>
{
  constructor(@Inject(DATABASE) db: Database, @Inject(EVENT_STORE) store: EventStore, @Inject(PII_VAULT) vault: PiiVault) {
    super(db, store, vault);
  }

  execute(query: CheckEligibilityQuery): Promise<EligibilityAnswer> {
    return this.reader.check(query.subject, query.target);
  }
}

@QueryHandler(CheckEligibilityBatchQuery)
export class CheckEligibilityBatchHandler
  extends EligibilityHandlerBase
  implements IQueryHandler<CheckEligibilityBatchQuery, EligibilityAnswer[]>
{
  constructor(@Inject(DATABASE) db: Database, @Inject(EVENT_STORE) store: EventStore, @Inject(PII_VAULT) vault: PiiVault) {
    super(db, store, vault);
  }

  execute(query: CheckEligibilityBatchQuery): Promise<EligibilityAnswer[]> {
    return this.reader.checkBatch(query.phones, query.target);
  }
}

export const ELIGIBILITY_HANDLERS = [CheckEligibilityHandler, CheckEligibilityBatchHandler];
