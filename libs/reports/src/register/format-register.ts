import { csvTable, markdownTable, type ReportFormat } from '../audit/table-format';
import type { Cell, ProcessingActivity, ProcessingRegister } from './processing-register';

type Column = { key: keyof Omit<ProcessingActivity, 'campaignId'>; title: string; text: (activity: ProcessingActivity) => string };

const list = (items: string[]) => (items.length === 0 ? '—' : items.join('; '));

/** The register's columns (Art. 30(1)), in the order a register lists them. */
const COLUMNS: Column[] = [
  { key: 'name', title: 'processing activity', text: (a) => a.name.value },
  { key: 'purpose', title: 'purpose', text: (a) => a.purpose.value },
  { key: 'legalBasis', title: 'legal basis', text: (a) => a.legalBasis.value },
  {
    key: 'balancingTest',
    title: 'balancing test',
    text: (a) => (a.balancingTest.value ? `${a.balancingTest.value.outcome} ${a.balancingTest.value.assessedAt.slice(0, 10)}${a.balancingTest.value.validUntil ? ` until ${a.balancingTest.value.validUntil.slice(0, 10)}` : ''} (${a.balancingTest.value.documentRef})` : '—'),
  },
  { key: 'dataSubjects', title: 'categories of data subjects', text: (a) => list(a.dataSubjects.value) },
  { key: 'personalData', title: 'categories of personal data', text: (a) => list(a.personalData.value) },
  {
    key: 'sources',
    title: 'sources',
    text: (a) => list(a.sources.value.map((s) => `${s.kind}${s.provider ? ` from ${s.provider}` : ''}${s.collectionMethod ? ` (${s.collectionMethod})` : ''}: ${s.contacts}`)),
  },
  {
    key: 'recipients',
    title: 'recipients',
    text: (a) =>
      list(a.recipients.value.map((r) => `${r.name} (${r.role}, ${r.country}): ${r.agreements.filter((g) => g.inForce).map((g) => g.documentRef).join(', ') || 'no agreement in force'}`)),
  },
  {
    key: 'transfers',
    title: 'third-country transfers',
    text: (a) => list(a.transfers.value.map((t) => `${t.processorName} → ${t.country}: ${t.safeguard ? `${t.safeguard} ${t.reference ?? ''}`.trim() : 'NO SAFEGUARD'}`)),
  },
  {
    key: 'retention',
    title: 'retention',
    text: (a) => (a.retention.value ? `prospects ${a.retention.value.prospectMonths} months after last contact; customers ${a.retention.value.customerMonths} months after last purchase; recordings ${a.retention.value.recordingMonths} months` : '—'),
  },
  { key: 'securityMeasures', title: 'security measures', text: (a) => list(a.securityMeasures.value) },
  { key: 'dpia', title: 'DPIA', text: (a) => (a.dpia.value ? `${a.dpia.value.outcome} ${a.dpia.value.assessedAt.slice(0, 10)} (${a.dpia.value.documentRef})` : '—') },
];

const cellOf = (activity: ProcessingActivity, column: Column) => activity[column.key] as Cell<unknown>;

/** In Markdown, a cell built from thousands of events names the first ones; CSV and JSON name them all. */
const MARKDOWN_EVENT_IDS = 10;

function markdownEventIds(eventIds: readonly string[]): string {
  if (eventIds.length <= MARKDOWN_EVENT_IDS) return eventIds.join(' ');
  return `${eventIds.slice(0, MARKDOWN_EVENT_IDS).join(' ')} … and ${eventIds.length - MARKDOWN_EVENT_IDS} more (all in --format csv or json)`;
}
const withGap = (text: string, gap: string | null) => (!gap ? text : text === '—' ? `GAP: ${gap}` : `${text} — GAP: ${gap}`);

function party(register: ProcessingRegister, key: 'controller' | 'dpo' | 'representative'): string {
  const { value, gap } = register[key];
  const text = value ? `${value.name}, ${value.address} (${value.country})${value.email ? `, ${value.email}` : ''}` : 'none';
  return withGap(text, gap);
}

function markdown(register: ProcessingRegister): string {
  const lines = [
    `# Processing register (GDPR Art. 30(1)) as of ${register.asOf}`,
    '',
    `Built from the ledger's events up to position ${register.checkpoint}, replayed by when they occurred. Each cell names the events it was built from.`,
    '',
    markdownTable(
      ['', 'value', 'events'],
      (['controller', 'dpo', 'representative'] as const).map((key) => [key, party(register, key), markdownEventIds(register[key].eventIds)]),
    ),
  ];
  for (const activity of register.activities) {
    lines.push('', `## ${activity.name.value}`, '', `Campaign ${activity.campaignId}.`, '');
    lines.push(
      markdownTable(
        ['column', 'value', 'events'],
        COLUMNS.slice(1).map((column) => {
          const found = cellOf(activity, column);
          return [column.title, withGap(column.text(activity), found.gap), markdownEventIds(found.eventIds)];
        }),
      ),
    );
  }
  lines.push('', '## Gaps', '');
  lines.push(
    register.gaps.length === 0
      ? 'None.'
      : markdownTable(['activity', 'column', 'gap', 'events'], register.gaps.map((gap) => [gap.campaignId ?? 'organisation', gap.column, gap.gap, markdownEventIds(gap.eventIds)])),
  );
  return lines.join('\n') + '\n';
}

function csv(register: ProcessingRegister): string {
  const header = ['campaignId', 'controller', 'controller events', 'dpo', 'representative'];
  for (const column of COLUMNS) header.push(column.title, `${column.title} events`, `${column.title} gap`);
  const rows = register.activities.map((activity) => [
    activity.campaignId,
    party(register, 'controller'),
    register.controller.eventIds.join(' '),
    party(register, 'dpo'),
    party(register, 'representative'),
    ...COLUMNS.flatMap((column) => {
      const found = cellOf(activity, column);
      return [column.text(activity), found.eventIds.join(' '), found.gap ?? ''];
    }),
  ]);
  return csvTable(header, rows);
}

/** The register as Markdown (a table per activity), CSV (a line per activity, each cell with its events and gap) or JSON. */
export function formatRegister(register: ProcessingRegister, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(register, null, 2) + '\n';
    case 'csv':
      return csv(register);
    case 'md':
      return markdown(register);
  }
}
