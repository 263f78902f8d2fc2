import { csvTable } from '../audit/table-format';
import { formatInstant, markdownTable } from '../evidence/markdown';
import type { CtmCounts, CtmReport } from './ctm-report.types';

export const CTM_FORMATS = ['md', 'csv', 'svg', 'json'] as const;
export type CtmFormat = (typeof CTM_FORMATS)[number];

export function isCtmFormat(value: string): value is CtmFormat {
  return (CTM_FORMATS as readonly string[]).includes(value);
}

/** How every rate is computed: said once, in the table, the CSV header and the docs. */
export const CTM_RATE_DEFINITION =
  'Rates are per answered call: conversion rate = conversions ÷ answered calls; ' +
  'objection rate = objections ÷ answered calls; complaint rate = complaints ÷ answered calls.';

const HEADER = [
  'months since last purchase', 'contacts called', 'calls', 'answered', 'conversions', 'objections', 'complaints',
  'conversions per answered call', 'objections per answered call', 'complaints per answered call',
];

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)} %`);
const decimal = (value: number | null) => (value === null ? '' : value.toFixed(4));

function cells(label: string, counts: CtmCounts, formatRate: (value: number | null) => string): string[] {
  return [
    label,
    ...[counts.contactsCalled, counts.calls, counts.answered, counts.conversions, counts.objections, counts.complaints].map(String),
    formatRate(counts.conversionRate),
    formatRate(counts.objectionRate),
    formatRate(counts.complaintRate),
  ];
}

function scopeText(report: CtmReport): string {
  const campaigns = report.campaigns.map((c) => `${c.name} (${c.campaignId})`).join(', ') || 'none';
  return report.campaignId
    ? `campaign ${campaigns}, product category \`${report.productCategory}\``
    : `product category \`${report.productCategory}\` (campaigns: ${campaigns})`;
}

export function ctmMarkdown(report: CtmReport): string {
  const rows = [
    ...report.buckets.map((bucket) => cells(bucket.label, bucket, percent)),
    cells('no earlier purchase', report.withoutPurchase, percent),
    cells('all calls', report.totals, percent),
  ];
  const crossover = report.crossover
    ? `Objections and complaints together exceed conversions (per answered call) from **${report.crossover.label} months** since the last purchase.`
    : 'In no bucket do objections and complaints together exceed conversions (per answered call).';
  return [
    `# CTM report — ${scopeText(report)}`,
    '',
    `Calls from ${formatInstant(report.from)} up to ${formatInstant(report.to)}, in buckets of ${report.bucketMonths} month(s) since the ` +
      `person's last purchase in the category at the time of the call. Ledger position ${report.checkpoint}. No personal data.`,
    '',
    markdownTable(HEADER, rows),
    '',
    CTM_RATE_DEFINITION,
    '',
    crossover,
    '',
  ].join('\n');
}

/** One line per bucket, then `no earlier purchase` and `all calls`; rates as decimals per answered call. */
export function ctmCsv(report: CtmReport): string {
  const header = ['bucket', 'from months', 'to months', ...HEADER.slice(1)];
  return csvTable(header, [
    ...report.buckets.map((b) => [b.label, String(b.fromMonths), String(b.toMonths), ...cells('', b, decimal).slice(1)]),
    ['no earlier purchase', '', '', ...cells('', report.withoutPurchase, decimal).slice(1)],
    ['all calls', '', '', ...cells('', report.totals, decimal).slice(1)],
  ]);
}
