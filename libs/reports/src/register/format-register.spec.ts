import { describe, expect, it } from 'vitest';
import { formatRegister } from './format-register';
import type { Cell, ProcessingActivity, ProcessingRegister } from './processing-register';

const cell = <T>(value: T, eventIds: string[] = ['ev-1'], gap: string | null = null): Cell<T> => ({ value, eventIds, gap });
const many = Array.from({ length: 12 }, (_, i) => `ev-contact-${i}`);

const activity: ProcessingActivity = {
  campaignId: 'c4e6a8b0-1d3f-4b5d-9f7a-2c4e6a8b0d1f',
  name: cell('Heat pumps 2026'),
  purpose: cell('Offer heat pumps, to home owners'),
  legalBasis: cell('legitimate_interest' as const),
  balancingTest: cell(null, [], 'no passed balancing test in force'),
  dataSubjects: cell(['consumers (B2C) in FR'], many),
  personalData: cell(['name' as const, 'phone' as const], many),
  sources: cell([{ kind: 'purchased_list', provider: 'ListCo', collectionMethod: 'quiz', contacts: 12, eventIds: many }], many),
  recipients: cell([]),
  transfers: cell([{ processorId: 'p', processorName: 'Atlas', country: 'MA', safeguard: null, reference: null, eventIds: ['ev-share'] }], ['ev-share'], 'Atlas (MA): no adequacy decision and no SCC or BCR'),
  retention: cell({ prospectMonths: 36, customerMonths: 60, recordingMonths: 6, documentRef: null }),
  securityMeasures: cell(['encryption']),
  dpia: cell(null, [], 'no DPIA recorded'),
};
const register: ProcessingRegister = {
  asOf: '2026-12-01T00:00:00.000Z',
  checkpoint: 42,
  controller: cell({ name: 'Futura', address: 'Paris', country: 'FR', email: null, registrationNumber: null }),
  dpo: cell(null),
  representative: cell(null),
  activities: [activity],
  gaps: [{ campaignId: activity.campaignId, column: 'transfers', gap: 'Atlas (MA): no adequacy decision and no SCC or BCR', eventIds: ['ev-share'] }],
};

describe('the register as text', () => {
  it('in Markdown: a value with its gap, and the first ten events of a cell built from many', () => {
    const md = formatRegister(register, 'md');
    expect(md).toContain('| third-country transfers | Atlas → MA: NO SAFEGUARD — GAP: Atlas (MA): no adequacy decision and no SCC or BCR | ev-share |');
    expect(md).toContain('| DPIA | GAP: no DPIA recorded |  |');
    expect(md).toContain('ev-contact-9 … and 2 more (all in --format csv or json)');
    expect(md).not.toContain('ev-contact-10');
  });

  it('in CSV: one line per activity, every cell with all its events and its gap', () => {
    const [header, line, end] = formatRegister(register, 'csv').split('\r\n');
    expect(header!.split(',')).toContain('third-country transfers gap');
    expect(line).toContain('"Offer heat pumps, to home owners"');
    expect(line).toContain(many.join(' '));
    expect(end).toBe('');
  });
});
