import { ctmChartSvg } from './ctm-chart';
import type { CtmReport } from './ctm-report.types';
import { ctmCsv, ctmMarkdown, type CtmFormat } from './ctm-table';

/** The report as Markdown (table), CSV, SVG (chart) or JSON (everything). */
export function formatCtmReport(report: CtmReport, format: CtmFormat): string {
  switch (format) {
    case 'md':
      return ctmMarkdown(report);
    case 'csv':
      return ctmCsv(report);
    case 'svg':
      return ctmChartSvg(report);
    case 'json':
      return JSON.stringify(report, null, 2) + '\n';
  }
}
