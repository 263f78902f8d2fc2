import type { CampaignEvidence } from './campaign-evidence.types';
import { formatInstant, markdownTable, markdownTableOrNone } from './markdown';

/** `NO` in capitals where a no is a gap (no agreement, no test in force); plain where it is not. */
const yesNo = (value: boolean | null) => (value === null ? '—' : value ? 'yes' : 'NO');
const plainYesNo = (value: boolean | null) => (value === null ? '—' : value ? 'yes' : 'no');

export function campaignEvidenceMarkdown(pack: CampaignEvidence): string {
  const c = pack.campaign;
  return [
    `# Accountability pack — campaign "${c.name}" (${pack.campaignId})`,
    '',
    `As of ${formatInstant(pack.asOf)}, generated ${formatInstant(pack.generatedAt)}. No personal data.`,
    '',
    markdownTable(['field', 'value'], [
      ['purpose', c.purpose],
      ['legal basis', c.legalBasis],
      ['audience', c.audience],
      ['channel', c.channel],
      ['product category', c.productCategory],
      ['jurisdictions', c.jurisdictions.join(', ')],
      ['defined', formatInstant(c.definedAt)],
      ['started', formatInstant(c.startedAt)],
      ['ended', formatInstant(c.endedAt)],
      ['call attempts', pack.calls.attempts],
      ['answered', pack.calls.answered],
      ['people called', pack.calls.contactsCalled],
      ['e-mails', pack.calls.emails],
    ]),
    '',
    '## Balancing tests',
    '',
    markdownTableOrNone(
      ['assessed', 'outcome', 'valid until', 'customer term (months)', 'DPO consulted', 'in force', 'document'],
      pack.balancingTests.map((t) => [
        formatInstant(t.assessedAt), t.outcome, formatInstant(t.validUntil), t.customerTermMonths, plainYesNo(t.dpoConsulted), yesNo(t.inForce), t.documentRef,
      ]),
      'No balancing test recorded.',
    ),
    '',
    '## DPIA',
    '',
    markdownTableOrNone(
      ['assessed', 'outcome', 'DPO consulted', 'authority consulted', 'document'],
      pack.dpias.map((d) => [formatInstant(d.assessedAt), d.outcome, plainYesNo(d.dpoConsulted), plainYesNo(d.authorityConsulted), d.documentRef]),
      'No DPIA recorded.',
    ),
    '',
    '## Do-not-call scrubs',
    '',
    markdownTableOrNone(
      ['scrubbed', 'registry', 'snapshot version', 'snapshot taken', 'snapshot digest', 'checked', 'suppressed'],
      pack.dncScrubs.map((s) => [
        formatInstant(s.at), s.registry, s.snapshotVersion, formatInstant(s.snapshotTakenAt), s.snapshotDigest?.slice(0, 16) ?? 'NOT IMPORTED',
        s.contactsChecked, s.numbersSuppressed,
      ]),
      'No scrub recorded.',
    ),
    '',
    '## Processors',
    '',
    markdownTableOrNone(
      ['processor', 'role', 'country', 'agreement in force', 'transfer safeguard', 'calls', 'agents trained', 'calls by untrained agents'],
      pack.processors.map((p) => [
        `${p.name ?? 'unregistered'} (${p.processorId})`, p.role, p.country, yesNo(p.agreementInForce),
        p.transferSafeguarded ? (p.adequacy ?? p.safeguards.map((s) => s.kind.toUpperCase()).join(', ')) : 'NONE',
        p.calls, `${p.training.agentsTrained} of ${p.training.agentsWhoCalled}`, p.training.callsByUntrainedAgents,
      ]),
      'No processor worked on this campaign.',
    ),
    '',
    ...pack.processors.flatMap((p) => [
      `### ${p.name ?? p.processorId}`,
      '',
      markdownTableOrNone(
        ['agreement', 'from', 'until', 'ended', 'document'],
        p.agreements.map((a) => [a.agreementId, a.validFrom, a.validUntil, formatInstant(a.endedAt), a.documentRef]),
        'No processor agreement.',
      ),
      '',
      markdownTableOrNone(
        ['safeguard', 'destination', 'from', 'until', 'document'],
        p.safeguards.map((s) => [s.kind, s.destinationCountry, s.validFrom, s.validUntil, s.documentRef]),
        'No transfer safeguard recorded.',
      ),
      '',
      p.training.untrainedAgents.length > 0 ? `Agents without valid privacy training: ${p.training.untrainedAgents.join(', ')}.` : 'Every agent who called was trained.',
      '',
    ]),
    '## Call audit',
    '',
    'Every call of the campaign judged at its moment on two bases: LEGAL (everything that had occurred) and KNOWN (everything the ledger had recorded).',
    '',
    markdownTable(
      ['calls audited', 'lawful', 'CALL_WHILE_INELIGIBLE', 'PROPAGATION_DELAY'],
      [[pack.audit.callsAudited, pack.audit.lawful, pack.audit.callWhileIneligible, pack.audit.propagationDelay]],
    ),
    '',
    markdownTableOrNone(['reason', 'unlawful calls'], pack.audit.byReason.map((r) => [r.code, r.calls]), 'No reason applied to any call.'),
    '',
    '## Objections',
    '',
    `${pack.objections.received} binding on this campaign (raised for it, during one of its calls, or by a person it called), ` +
      `${pack.objections.honoured} honoured (no later call of this campaign to the person).`,
    '',
    markdownTableOrNone(
      ['objection', 'occurred', 'recorded', 'raised for', 'received by', 'channel', 'calls after', 'honoured'],
      pack.objections.items.map((o) => [
        o.objectionId, formatInstant(o.occurredAt), formatInstant(o.recordedAt),
        o.raisedForCampaignId === null ? 'no campaign named' : o.raisedForCampaignId === pack.campaignId ? 'this campaign' : o.raisedForCampaignId,
        o.receivedByProcessorId ?? 'directly', o.channel, o.callsAfter, yesNo(o.honoured),
      ]),
      'No objections.',
    ),
    '',
  ].join('\n');
}
