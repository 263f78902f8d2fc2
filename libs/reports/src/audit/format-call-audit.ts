import type { AuditedCall, CallAudit } from './call-audit';
import { csvTable, markdownTable, type ReportFormat } from './table-format';

const codes = (call: AuditedCall, basis: 'legal' | 'known') => call[basis].reasons.map((why) => why.code).join(' ');
const eventIds = (call: AuditedCall) => [...new Set(call.legal.reasons.concat(call.known.reasons).flatMap((why) => why.eventIds))].join(' ');

const HEADER = ['at', 'finding', 'callId', 'campaignId', 'processorId', 'contactId', 'legal reasons', 'known reasons', 'reported late', 'event ids'];

function row(call: AuditedCall): string[] {
  return [
    call.at,
    call.finding ?? '',
    call.callId,
    call.campaignId,
    call.processorId,
    call.contactId,
    codes(call, 'legal'),
    codes(call, 'known'),
    call.reportedLate.map((late) => `${late.type} ${late.eventId} occurred ${late.occurredAt}, recorded ${late.recordedAt}`).join('; '),
    eventIds(call),
  ];
}

function markdown(audit: CallAudit): string {
  const { summary } = audit;
  const scope = [audit.campaignId && `campaign ${audit.campaignId}`, audit.processorId && `processor ${audit.processorId}`]
    .filter(Boolean)
    .join(', ');
  const lines = [
    `# Call audit ${audit.from} – ${audit.to}${scope ? ` (${scope})` : ''}`,
    '',
    `Replayed up to ledger position ${audit.checkpoint}. Each call is judged at its moment on two bases: LEGAL (everything that had occurred) and KNOWN (everything the ledger had recorded).`,
    '',
    markdownTable(
      ['calls audited', 'lawful', 'CALL_WHILE_INELIGIBLE', 'PROPAGATION_DELAY'],
      [[summary.callsAudited, summary.lawful, summary.callWhileIneligible, summary.propagationDelay].map(String)],
    ),
  ];
  if (summary.byReason.length > 0) {
    lines.push('', '## Reasons behind the findings', '', markdownTable(['reason', 'calls'], summary.byReason.map((r) => [r.code, String(r.calls)])));
  }
  lines.push('', '## Findings', '');
  lines.push(audit.findings.length === 0 ? 'No call was placed while a reason applied.' : markdownTable(HEADER, audit.findings.map(row)));
  return lines.join('\n') + '\n';
}

/** The audit as Markdown (summary and findings), CSV (one line per finding) or JSON (everything). */
export function formatCallAudit(audit: CallAudit, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(audit, null, 2) + '\n';
    case 'csv':
      return csvTable(HEADER, audit.findings.map(row));
    case 'md':
      return markdown(audit);
  }
}
