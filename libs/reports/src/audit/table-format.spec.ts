import { describe, expect, it } from 'vitest';
import { csvTable, isReportFormat, markdownTable } from './table-format';

describe('report tables', () => {
  it('quote a CSV field with a comma, a quote or a line break, and end every line with CRLF', () => {
    expect(csvTable(['a', 'b'], [['plain', 'x, "y"\nz']])).toBe('a,b\r\nplain,"x, ""y""\nz"\r\n');
  });

  it('escape pipes and line breaks in a Markdown cell', () => {
    expect(markdownTable(['code', 'message'], [['OBJECTED', 'a | b\nc']])).toBe('| code | message |\n|---|---|\n| OBJECTED | a \\| b<br>c |');
  });

  it('know the formats a report is written in', () => {
    expect(['md', 'json', 'csv', 'pdf'].map(isReportFormat)).toEqual([true, true, true, false]);
  });
});
