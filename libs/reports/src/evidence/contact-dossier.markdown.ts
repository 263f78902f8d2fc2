import type { ContactDossier } from './contact-dossier.types';
import { formatInstant, markdownTable, markdownTableOrNone } from './markdown';

/** The dossier as a document for the person who asked (Art. 15), in English. */
export function contactDossierMarkdown(dossier: ContactDossier): string {
  const header = [
    `# Personal data held on contact ${dossier.contactId}`,
    '',
    `Generated ${formatInstant(dossier.generatedAt)}. Status: **${dossier.status.replace('_', ' ')}**.`,
  ];
  if (dossier.status === 'erased') {
    const erasure = dossier.erasure;
    return [
      ...header,
      '',
      `This contact was erased${erasure?.completedAt ? ` on ${formatInstant(erasure.completedAt)}` : ''}` +
        `${erasure ? ` (requested ${formatInstant(erasure.requestedAt)})` : ''}. ` +
        'Their encryption key is destroyed: the ledger holds no readable personal data about them, ' +
        'only the record that the erasure was done and the keyed hashes that keep their numbers from being called.',
      '',
    ].join('\n');
  }
  return [...header, ...identitySection(dossier), ...historySections(dossier), ...callSection(dossier), ...recipientSection(dossier), ''].join('\n');
}

function identitySection(dossier: ContactDossier): string[] {
  const identity = dossier.identity!;
  const source = Object.entries(dossier.source ?? {}).filter(([, value]) => value !== null && value !== undefined);
  return [
    '',
    '## Identity and contact details',
    '',
    markdownTable(['field', 'value'], [
      ['name', identity.name],
      ['company', identity.company],
      ['job title', identity.jobTitle],
      ['profession', [identity.profession.role, identity.profession.sector].filter(Boolean).join(', ')],
      ['audience', identity.audience],
      ['country', identity.country],
      ['time zone', identity.timeZone],
      ['registered', formatInstant(identity.registeredAt)],
      ...dossier.phones.map((phone) => [`phone (${phone.lineType})`, phone.number]),
      ...dossier.emails.map((email) => ['e-mail', email]),
    ]),
    '',
    '## Source of the data',
    '',
    markdownTableOrNone(['field', 'value'], source, 'No source recorded.'),
    '',
    '## Corrections',
    '',
    markdownTableOrNone(
      ['when', 'fields', 'asked by the person'],
      dossier.rectifications.map((r) => [formatInstant(r.at), r.fields.join(', '), r.requestedBySubject ? 'yes' : 'no']),
      'No corrections.',
    ),
  ];
}

function historySections(dossier: ContactDossier): string[] {
  return [
    '',
    '## Consents',
    '',
    markdownTableOrNone(
      ['purpose', 'channels', 'given', 'method', 'notice version', 'evidence', 'received', 'withdrawn'],
      dossier.consents.map((c) => [
        c.purpose, c.channels.join(', '), formatInstant(c.evidence.givenAt), c.evidence.method, c.evidence.noticeVersion,
        c.evidence.evidenceRef, c.receivedVia, c.withdrawnAt ? formatInstant(c.withdrawnAt) : 'no',
      ]),
      'No consents.',
    ),
    '',
    '## Purchases',
    '',
    markdownTableOrNone(
      ['product category', 'purchased on', 'contract ends'],
      dossier.purchases.map((p) => [p.productCategory, p.purchasedOn, p.contractEndsOn]),
      'No purchases.',
    ),
    '',
    '## Objections',
    '',
    markdownTableOrNone(
      ['when', 'scope', 'received', 'words noted'],
      dossier.objections.map((o) => [formatInstant(o.at), o.scope, o.receivedVia, o.text]),
      'No objections.',
    ),
    '',
    '## Complaints',
    '',
    markdownTableOrNone(
      ['when', 'subject', 'received', 'via the supervisory authority', 'words noted'],
      dossier.complaints.map((c) => [formatInstant(c.at), c.subject, c.receivedVia, c.viaSupervisoryAuthority ? 'yes' : 'no', c.text]),
      'No complaints.',
    ),
    '',
    '## Access requests',
    '',
    markdownTableOrNone(
      ['requested', 'received', 'answered'],
      dossier.accessRequests.map((r) => [formatInstant(r.requestedAt), r.receivedVia, r.fulfilledAt ? formatInstant(r.fulfilledAt) : 'open']),
      'No access requests.',
    ),
    '',
    '## Erasure',
    '',
    dossier.erasure
      ? `Requested ${formatInstant(dossier.erasure.requestedAt)} (ground: ${dossier.erasure.ground}); not completed yet.`
      : '_No erasure requested._',
  ];
}

function callSection(dossier: ContactDossier): string[] {
  const notes = dossier.calls.flatMap((call) => call.notes.map((note) => [formatInstant(note.at), call.callId, note.text]));
  return [
    '',
    '## Calls and e-mails',
    '',
    markdownTableOrNone(
      ['when', 'channel', 'campaign', 'by', 'result', 'outcome', 'privacy notice', 'recording notice', 'recorded'],
      dossier.calls.map((call) => [
        formatInstant(call.at), call.channel === 'email' ? `e-mail to ${call.recipient ?? '—'}` : 'phone',
        call.campaignName ?? call.campaignId, call.processorName ?? call.processorId, call.result, call.outcome,
        call.privacyNoticeGiven ? 'yes' : 'no', call.recordingNoticeGiven ? 'yes' : 'no', call.recordingRefs.length > 0 ? 'yes' : 'no',
      ]),
      'No calls or e-mails.',
    ),
    '',
    '### Notes taken during calls',
    '',
    markdownTableOrNone(['when', 'call', 'note'], notes, 'No notes.'),
  ];
}

function recipientSection(dossier: ContactDossier): string[] {
  return [
    '',
    '## Who received the data',
    '',
    markdownTableOrNone(
      ['processor', 'country', 'when', 'data', 'campaign'],
      dossier.recipients.map((r) => [r.processorName ?? r.processorId, r.country, formatInstant(r.sharedAt), r.dataCategories.join(', '), r.campaignId]),
      'The data was shared with no processor.',
    ),
  ];
}
