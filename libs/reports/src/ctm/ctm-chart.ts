import type { CtmBucket, CtmReport } from './ctm-report.types';

/**
 * The CTM report as a line chart, hand-written SVG: the three rates (per answered call) against
 * months since the last purchase, one point per bucket at its middle. Colours are the colour-blind
 * safe "Dark2" set, and each line also has its own dash pattern and marker, so it reads in grey too.
 */

const WIDTH = 760;
const HEIGHT = 420;
const PLOT = { left: 70, right: 560, top: 56, bottom: 350 };
const MAX_X_LABELS = 12;

interface Series {
  name: string;
  colour: string;
  dash: string;
  marker: 'circle' | 'square' | 'triangle';
  value: (bucket: CtmBucket) => number | null;
}

const SERIES: readonly Series[] = [
  { name: 'conversions per answered call', colour: '#1b9e77', dash: '', marker: 'circle', value: (b) => b.conversionRate },
  { name: 'objections per answered call', colour: '#d95f02', dash: '8 4', marker: 'square', value: (b) => b.objectionRate },
  { name: 'complaints per answered call', colour: '#7570b3', dash: '2 3', marker: 'triangle', value: (b) => b.complaintRate },
];

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const fixed = (n: number) => Number(n.toFixed(1)).toString();

/** A round step (1, 2 or 5 × 10^k) giving at most five intervals up to `max`. */
function niceStep(max: number): number {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((step) => step >= rough)!;
}

function percentLabel(value: number): string {
  const digits = value * 100 < 1 && value !== 0 ? 1 : 0;
  return `${(value * 100).toFixed(digits)} %`;
}

function marker(kind: Series['marker'], x: number, y: number, colour: string): string {
  if (kind === 'circle') return `<circle cx="${fixed(x)}" cy="${fixed(y)}" r="3.5" fill="${colour}"/>`;
  if (kind === 'square') return `<rect x="${fixed(x - 3.5)}" y="${fixed(y - 3.5)}" width="7" height="7" fill="${colour}"/>`;
  return `<path d="M${fixed(x)} ${fixed(y - 4.5)}L${fixed(x + 4.5)} ${fixed(y + 3.5)}L${fixed(x - 4.5)} ${fixed(y + 3.5)}Z" fill="${colour}"/>`;
}

export function ctmChartSvg(report: CtmReport): string {
  const buckets = report.buckets;
  const months = Math.max(buckets.length, 1) * report.bucketMonths;
  const rates = buckets.flatMap((b) => SERIES.map((s) => s.value(b))).filter((v): v is number => v !== null);
  const step = niceStep(Math.max(...rates, 0.01));
  const yMax = Math.ceil(Math.max(...rates, 0.01) / step) * step;
  const x = (month: number) => PLOT.left + (month / months) * (PLOT.right - PLOT.left);
  const y = (value: number) => PLOT.bottom - (value / yMax) * (PLOT.bottom - PLOT.top);
  const scope = report.campaignId ? `campaign ${report.campaigns[0]?.name ?? report.campaignId}` : `product category ${report.productCategory}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="Helvetica, Arial, sans-serif" font-size="12" role="img">`,
    `<title>CTM report: conversions, objections and complaints per answered call against months since the last purchase (${escapeXml(scope)})</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="24" font-size="15" font-weight="bold" fill="#222">${escapeXml(`CTM report — ${scope}`)}</text>`,
    `<text x="${PLOT.left}" y="42" fill="#555">${escapeXml(`calls from ${report.from.slice(0, 10)} up to ${report.to.slice(0, 10)}, buckets of ${report.bucketMonths} month(s)`)}</text>`,
    ...yAxis(yMax, step, y),
    ...xAxis(buckets, report.bucketMonths, x),
    ...crossoverMark(report, x),
    ...SERIES.flatMap((series) => line(series, buckets, report.bucketMonths, x, y)),
    ...legend(),
    buckets.length === 0 ? `<text x="${(PLOT.left + PLOT.right) / 2}" y="${(PLOT.top + PLOT.bottom) / 2}" text-anchor="middle" fill="#555">no calls to ex-customers in the period</text>` : '',
    '</svg>',
    '',
  ]
    .filter(Boolean)
    .join('\n');
}

function yAxis(yMax: number, step: number, y: (value: number) => number): string[] {
  const ticks = Array.from({ length: Math.round(yMax / step) + 1 }, (_, i) => i * step);
  return [
    ...ticks.map(
      (tick) =>
        `<line x1="${PLOT.left}" y1="${fixed(y(tick))}" x2="${PLOT.right}" y2="${fixed(y(tick))}" stroke="${tick === 0 ? '#333' : '#e3e3e3'}"/>` +
        `<text x="${PLOT.left - 8}" y="${fixed(y(tick) + 4)}" text-anchor="end" fill="#333">${percentLabel(tick)}</text>`,
    ),
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="#333"/>`,
    `<text transform="translate(18 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#222">per answered call</text>`,
  ];
}

function xAxis(buckets: readonly CtmBucket[], bucketMonths: number, x: (month: number) => number): string[] {
  const every = Math.max(1, Math.ceil((buckets.length + 1) / MAX_X_LABELS));
  const bounds = Array.from({ length: Math.max(buckets.length, 1) + 1 }, (_, i) => i * bucketMonths);
  return [
    ...bounds.map(
      (month, i) =>
        `<line x1="${fixed(x(month))}" y1="${PLOT.bottom}" x2="${fixed(x(month))}" y2="${PLOT.bottom + 5}" stroke="#333"/>` +
        (i % every === 0 ? `<text x="${fixed(x(month))}" y="${PLOT.bottom + 19}" text-anchor="middle" fill="#333">${month}</text>` : ''),
    ),
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 42}" text-anchor="middle" fill="#222">months since the last purchase</text>`,
  ];
}

/** Where objections and complaints together first exceed conversions: a dashed vertical line, labelled. */
function crossoverMark(report: CtmReport, x: (month: number) => number): string[] {
  if (!report.crossover) return [];
  const position = x(report.crossover.fromMonths);
  // The label sits inside the plot, on whichever side of the line has room.
  const right = position < (PLOT.left + PLOT.right) / 2;
  const labelX = fixed(right ? position + 6 : position - 6);
  return [
    `<line x1="${fixed(position)}" y1="${PLOT.top}" x2="${fixed(position)}" y2="${PLOT.bottom}" stroke="#888" stroke-dasharray="4 4"/>`,
    `<text x="${labelX}" y="${PLOT.top + 12}" text-anchor="${right ? 'start' : 'end'}" fill="#555" font-size="11">` +
      `objections + complaints &gt; conversions</text>`,
  ];
}

/** A polyline per run of buckets with a rate (a bucket with no answered call breaks the line), with a marker per point. */
function line(series: Series, buckets: readonly CtmBucket[], bucketMonths: number, x: (m: number) => number, y: (v: number) => number): string[] {
  const runs: { px: number; py: number }[][] = [[]];
  for (const bucket of buckets) {
    const value = series.value(bucket);
    if (value === null) {
      runs.push([]);
      continue;
    }
    runs[runs.length - 1]!.push({ px: x(bucket.fromMonths + bucketMonths / 2), py: y(value) });
  }
  const dash = series.dash ? ` stroke-dasharray="${series.dash}"` : '';
  return runs
    .filter((run) => run.length > 0)
    .flatMap((run) => [
      `<polyline points="${run.map((p) => `${fixed(p.px)},${fixed(p.py)}`).join(' ')}" fill="none" stroke="${series.colour}" stroke-width="2.2"${dash}/>`,
      ...run.map((p) => marker(series.marker, p.px, p.py, series.colour)),
    ]);
}

function legend(): string[] {
  const left = PLOT.right + 18;
  return SERIES.flatMap((series, i) => {
    const top = PLOT.top + 10 + i * 26;
    const dash = series.dash ? ` stroke-dasharray="${series.dash}"` : '';
    return [
      `<line x1="${left}" y1="${top}" x2="${left + 28}" y2="${top}" stroke="${series.colour}" stroke-width="2.2"${dash}/>`,
      marker(series.marker, left + 14, top, series.colour),
      `<text x="${left + 36}" y="${top + 4}" fill="#222">${escapeXml(series.name.replace(' per answered call', ''))}</text>`,
    ];
  }).concat(`<text x="${left}" y="${PLOT.top + 10 + SERIES.length * 26}" fill="#555">each per answered call</text>`);
}
