import { QueryBus } from '@nestjs/cqrs';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuditCallsQuery, type AuditedCall, type AuditVerdict, type CallAudit } from '@calltrail/reports';
import { RequirePermission } from '../../auth/require-permission.decorator';
import { asReportInput } from '../report-errors';
import { AuditCallsArgs } from './audit-calls.args';
import { CallAuditModel, type AuditedCallModel, type AuditVerdictModel } from './call-audit.model';

const date = (iso: string) => new Date(iso);

function verdict(found: AuditVerdict): AuditVerdictModel {
  return { eligible: found.eligible, reasons: found.reasons.map((why) => ({ ...why, until: why.until ? date(why.until) : null })) };
}

function call(found: AuditedCall): AuditedCallModel {
  return {
    ...found,
    at: date(found.at),
    finding: found.finding!,
    legal: verdict(found.legal),
    known: verdict(found.known),
    reportedLate: found.reportedLate.map((late) => ({ ...late, occurredAt: date(late.occurredAt), recordedAt: date(late.recordedAt) })),
  };
}

function toModel(audit: CallAudit): CallAuditModel {
  return { ...audit, from: date(audit.from), to: date(audit.to), findings: audit.findings.map(call) };
}

@Resolver(() => CallAuditModel)
export class AuditResolver {
  constructor(private readonly queryBus: QueryBus) {}

  @Query(() => CallAuditModel, {
    description:
      'The call audit: every call attempt of the period (optionally one campaign or processor) judged at its moment on LEGAL and KNOWN, with CALL_WHILE_INELIGIBLE and PROPAGATION_DELAY.',
  })
  @RequirePermission('reports.read')
  async auditCalls(@Args() args: AuditCallsArgs): Promise<CallAuditModel> {
    const audit = await asReportInput(() => this.queryBus.execute(new AuditCallsQuery(args)));
    return toModel(audit);
  }
}
