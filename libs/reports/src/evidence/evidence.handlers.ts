import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReceiptChannel } from '@calltrail/domain';
import type { Actor, EventStore } from '@calltrail/event-store';
import { DATABASE, EVENT_STORE, ExecuteDomainCommand, PII_VAULT } from '@calltrail/ledger';
import type { PiiVault } from '@calltrail/pii-vault';
import type { Database } from '@calltrail/sql';
import { answerContactDossier, readContactDossier, type ContactDossierAnswer, type ExecuteFulfilAccess } from './answer-access-request';
import type { ContactDossier } from './contact-dossier.types';
import { campaignEvidence } from './campaign-evidence';
import type { CampaignEvidence } from './campaign-evidence.types';
import { erasureCertificate, type ErasureCertificate } from './erasure-certificate';

/** The dossier, to read; records nothing. */
export class ContactDossierQuery extends Query<ContactDossier> {
  constructor(
    readonly actor: Actor,
    readonly contactId: string,
  ) {
    super();
  }
}

/** The dossier as the answer to an access request: records AccessFulfilled. */
export class AnswerAccessRequestCommand extends Command<ContactDossierAnswer> {
  constructor(
    readonly actor: Actor,
    readonly contactId: string,
    readonly request: { requestId: string; deliveredVia?: ReceiptChannel },
  ) {
    super();
  }
}

export class CampaignEvidenceQuery extends Query<CampaignEvidence> {
  constructor(
    readonly campaignId: string,
    readonly asOf: Date | null,
  ) {
    super();
  }
}

export class ErasureCertificateQuery extends Query<ErasureCertificate> {
  constructor(readonly contactId: string) {
    super();
  }
}

@QueryHandler(ContactDossierQuery)
export class ContactDossierHandler implements IQueryHandler<ContactDossierQuery, ContactDossier> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
  ) {}

  execute({ actor, contactId }: ContactDossierQuery): Promise<ContactDossier> {
    return readContactDossier({ store: this.store, vault: this.vault }, actor, contactId);
  }
}

/** Answering an access request records AccessFulfilled through ExecuteDomainCommand, as the actor. */
@CommandHandler(AnswerAccessRequestCommand)
export class AnswerAccessRequestHandler implements ICommandHandler<AnswerAccessRequestCommand, ContactDossierAnswer> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PII_VAULT) private readonly vault: PiiVault,
    private readonly commandBus: CommandBus,
  ) {}

  execute({ actor, contactId, request }: AnswerAccessRequestCommand): Promise<ContactDossierAnswer> {
    const execute: ExecuteFulfilAccess = (command) => this.commandBus.execute(new ExecuteDomainCommand(command, actor));
    return answerContactDossier({ store: this.store, vault: this.vault, execute }, actor, contactId, request);
  }
}

@QueryHandler(CampaignEvidenceQuery)
export class CampaignEvidenceHandler implements IQueryHandler<CampaignEvidenceQuery, CampaignEvidence> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  execute({ campaignId, asOf }: CampaignEvidenceQuery): Promise<CampaignEvidence> {
    return campaignEvidence({ store: this.store, db: this.db }, campaignId, asOf);
  }
}

@QueryHandler(ErasureCertificateQuery)
export class ErasureCertificateHandler implements IQueryHandler<ErasureCertificateQuery, ErasureCertificate> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ contactId }: ErasureCertificateQuery): Promise<ErasureCertificate> {
    return erasureCertificate({ store: this.store }, contactId);
  }
}

export const EVIDENCE_HANDLERS = [ContactDossierHandler, AnswerAccessRequestHandler, CampaignEvidenceHandler, ErasureCertificateHandler];
