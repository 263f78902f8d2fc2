import { Module } from '@nestjs/common';
import { CtmReportHandler, EVIDENCE_HANDLERS } from '@calltrail/reports';
import { CtmReportResolver } from './ctm/ctm-report.resolver';
import { EvidenceResolver } from './evidence/evidence.resolver';

/** Evidence packs (dossier, campaign pack, erasure certificate) and the CTM report. */
@Module({ providers: [EvidenceResolver, CtmReportResolver, ...EVIDENCE_HANDLERS, CtmReportHandler] })
export class EvidenceReportsModule {}
