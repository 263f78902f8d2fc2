import { describe, expect, it } from 'vitest';
import { ctmChartSvg } from './ctm-chart';
import { wholeMonthsBetween } from './ctm-report';
import type { CtmBucket, CtmCounts, CtmReport } from './ctm-report.types';

const none: CtmCounts = {
  contactsCalled: 0, calls: 0, answered: 0, conversions: 0, objections: 0, complaints: 0,
  conversionRate: null, objectionRate: null, complaintRate: null,
};

function bucket(index: number, answered: number, conversions: number, objections: number): CtmBucket {
  return {
    ...none, fromMonths: index * 6, toMonths: index * 6 + 5, label: `${index * 6}–${index * 6 + 5}`,
    calls: answered, answered, conversions, objections,
    conversionRate: answered ? conversions / answered : null,
    objectionRate: answered ? objections / answered : null,
    complaintRate: answered ? 0 : null,
  };
}

function report(buckets: CtmBucket[], crossover: CtmReport['crossover'] = null): CtmReport {
  return {
    productCategory: 'heat-pumps & <boilers>', campaignId: null, campaigns: [], bucketMonths: 6,
    from: '2024-01-01T00:00:00.000Z', to: '2026-01-01T00:00:00.000Z', generatedAt: '2026-01-02T00:00:00.000Z', checkpoint: 1,
    buckets, withoutPurchase: none, totals: none, crossover,
  };
}

describe('months since the last purchase', () => {
  it('counts whole calendar months', () => {
    expect(wholeMonthsBetween('2025-01-15', '2025-01-31')).toBe(0);
    expect(wholeMonthsBetween('2025-01-15', '2025-03-14')).toBe(1);
    expect(wholeMonthsBetween('2025-01-15', '2025-03-15')).toBe(2);
    expect(wholeMonthsBetween('2023-11-30', '2026-02-01')).toBe(26);
  });
});

describe('the CTM chart', () => {
  it('plots each rate at the middle of its bucket, breaking a line where nothing was answered', () => {
    const svg = ctmChartSvg(report([bucket(0, 10, 4, 1), bucket(1, 0, 0, 0), bucket(2, 10, 1, 5)], { label: '12–17', fromMonths: 12 }));
    // Three series, each split in two runs around the empty bucket.
    expect(svg.match(/<polyline /g)).toHaveLength(6);
    // 18 months on an axis from 70 to 560 px: the first bucket's middle (3 months) is at 151.7 px.
    expect(svg).toContain('<circle cx="151.7"');
    expect(svg).toContain('objections + complaints &gt; conversions');
    // The product category is text from the ledger: escaped.
    expect(svg).toContain('heat-pumps &amp; &lt;boilers&gt;');
  });

  it('says so when there is nothing to plot', () => {
    const svg = ctmChartSvg(report([]));
    expect(svg).toContain('no calls to ex-customers in the period');
    expect(svg).not.toContain('<polyline');
  });
});
