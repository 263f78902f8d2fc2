import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Actor } from '@calltrail/event-store';
import {
  AnswerAccessRequestCommand,
  CampaignEvidenceQuery,
  ContactDossierQuery,
  ErasureCertificateQuery,
  campaignEvidenceMarkdown,
  contactDossierMarkdown,
  erasureCertificateMarkdown,
  type CampaignEvidence,
  type ContactDossier,
  type ContactDossierAnswer,
  type ErasureCertificate,
} from '@calltrail/reports';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { asReportInput } from '../report-errors';
import { AnswerAccessRequestArgs, CampaignEvidenceArgs, ContactDossierArgs, ErasureCertificateArgs } from './evidence.args';
import { CampaignEvidenceModel, ContactDossierModel, ErasureCertificateModel } from './evidence.models';

const date = (iso: string) => new Date(iso);
const dateOrNull = (iso: string | null) => (iso ? new Date(iso) : null);

function dossierModel(dossier: ContactDossier, answered: ContactDossierAnswer['answered'] | null): ContactDossierModel {
  return {
    contactId: dossier.contactId,
    status: dossier.status,
    generatedAt: date(dossier.generatedAt),
    accessFulfilled: answered && {
      requestId: answered.requestId,
      deliveredVia: answered.deliveredVia,
      dossierRef: answered.dossierRef,
      eventId: answered.fulfilment.events[0]!.eventId,
    },
    markdown: contactDossierMarkdown(dossier),
    json: JSON.stringify(dossier),
  };
}

function campaignModel(pack: CampaignEvidence): CampaignEvidenceModel {
  return {
    campaignId: pack.campaignId,
    name: pack.campaign.name,
    asOf: date(pack.asOf),
    generatedAt: date(pack.generatedAt),
    balancingTestInForce: pack.balancingTests.some((test) => test.inForce),
    dpiaRecorded: pack.dpias.length > 0,
    dncScrubs: pack.dncScrubs.length,
    processors: pack.processors.map((p) => ({ ...p, ...p.training })),
    objectionsReceived: pack.objections.received,
    objectionsHonoured: pack.objections.honoured,
    callsAudited: pack.audit.callsAudited,
    callWhileIneligible: pack.audit.callWhileIneligible,
    propagationDelay: pack.audit.propagationDelay,
    markdown: campaignEvidenceMarkdown(pack),
    json: JSON.stringify(pack),
  };
}

function certificateModel(certificate: ErasureCertificate): ErasureCertificateModel {
  return {
    ...certificate,
    generatedAt: date(certificate.generatedAt),
    requestedAt: date(certificate.requestedAt),
    deadline: date(certificate.deadline),
    keyDestroyedAt: dateOrNull(certificate.keyDestroyedAt),
    processors: certificate.processors.map((p) => ({ ...p, confirmedAt: dateOrNull(p.confirmedAt) })),
    markdown: erasureCertificateMarkdown(certificate),
  };
}

@Resolver()
export class EvidenceResolver {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Query(() => ContactDossierModel, {
    description: 'Everything held on one person, decrypted, to read or prepare an answer; records nothing. Compliance keys only.',
  })
  @RequirePermission('personal-data.read')
  async contactDossier(@CurrentActor() actor: Actor, @Args() args: ContactDossierArgs): Promise<ContactDossierModel> {
    return dossierModel(await this.queryBus.execute(new ContactDossierQuery(actor, args.contactId)), null);
  }

  @Mutation(() => ContactDossierModel, {
    description:
      'Answers an access request (Art. 15) with the dossier and records AccessFulfilled, naming the dossier by its digest. Compliance keys only; a request already answered is refused (REQUEST_ALREADY_CLOSED).',
  })
  @RequirePermission('personal-data.read')
  async answerAccessRequest(@CurrentActor() actor: Actor, @Args() args: AnswerAccessRequestArgs): Promise<ContactDossierModel> {
    const request = { requestId: args.accessRequestId, deliveredVia: args.deliveredVia ?? undefined };
    const { dossier, answered } = await this.commandBus.execute(new AnswerAccessRequestCommand(actor, args.contactId, request));
    return dossierModel(dossier, answered);
  }

  @Query(() => CampaignEvidenceModel, {
    description: 'A campaign\'s accountability pack as of a moment: balancing tests, DPIA, DNC scrubs, processors, training, call audit, objections.',
  })
  @RequirePermission('reports.read')
  async campaignEvidence(@Args() args: CampaignEvidenceArgs): Promise<CampaignEvidenceModel> {
    const pack = await asReportInput(() => this.queryBus.execute(new CampaignEvidenceQuery(args.campaignId, args.asOf ?? null)));
    return campaignModel(pack);
  }

  @Query(() => ErasureCertificateModel, {
    description: 'Requested, key destroyed, each processor\'s confirmation, within 30 days or not. No personal data.',
  })
  @RequirePermission('reports.read')
  async erasureCertificate(@Args() args: ErasureCertificateArgs): Promise<ErasureCertificateModel> {
    return certificateModel(await this.queryBus.execute(new ErasureCertificateQuery(args.contactId)));
  }
}
