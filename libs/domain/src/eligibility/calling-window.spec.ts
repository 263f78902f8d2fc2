import { describe, expect, it } from 'vitest';
import { EU_PACK, FR_PACK } from '../rule-packs/packs';
import type { CallingHours } from '../rule-packs/rule-pack';
import { describeHours, nextOpening } from './calling-window';
import { plusMonths } from './time';

const office = EU_PACK[0]!.rules.privateLineHours as CallingHours;
const frConsumers = FR_PACK[1]!.rules.consumerHours as CallingHours;
const opening = (at: string, zone: string, country: string | null, hours: CallingHours) => {
  const next = nextOpening(Date.parse(at), zone, country, hours);
  return next === null ? null : new Date(next).toISOString();
};

describe('nextOpening', () => {
  it('keeps the wall-clock hour across a DST change (Paris, 29 March 2026)', () => {
    // Saturday 22:00 CET → Monday 09:00 CEST, which is 07:00 UTC, not 08:00.
    expect(opening('2026-03-28T21:00:00Z', 'Europe/Paris', 'FR', office)).toBe('2026-03-30T07:00:00.000Z');
  });

  it('uses the contact’s own time zone', () => {
    // 08:30 in Brussels is 07:30 in London: the London contact's window opens 1.5 h later.
    expect(opening('2026-11-17T07:30:00Z', 'Europe/London', 'GB', office)).toBe('2026-11-17T09:00:00.000Z');
    expect(opening('2026-11-17T07:30:00Z', 'Europe/Brussels', 'BE', office)).toBe('2026-11-17T08:00:00.000Z');
  });

  it('skips Easter Monday in FR, and knows nothing of holidays without a country', () => {
    expect(opening('2026-04-06T08:00:00Z', 'Europe/Paris', 'FR', frConsumers)).toBe('2026-04-07T08:00:00.000Z');
    expect(opening('2026-04-06T08:00:00Z', 'Europe/Paris', null, frConsumers)).toBe('2026-04-06T08:00:00.000Z');
  });

  it('returns the moment itself inside a window, and the next window at its end', () => {
    expect(opening('2026-11-17T12:00:00Z', 'Europe/Paris', 'FR', frConsumers)).toBe('2026-11-17T13:00:00.000Z');
    expect(opening('2026-11-17T13:00:00Z', 'Europe/Paris', 'FR', frConsumers)).toBe('2026-11-17T13:00:00.000Z');
  });

  it('describes the hours for a message', () => {
    expect(describeHours(frConsumers)).toBe('Mon–Fri 10:00–13:00, Mon–Fri 14:00–20:00, no public holidays');
  });
});

describe('plusMonths', () => {
  it('counts calendar months and clamps to the end of a shorter month', () => {
    expect(new Date(plusMonths(Date.parse('2023-07-01T00:00:00Z'), 36)).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(new Date(plusMonths(Date.parse('2026-01-31T10:00:00Z'), 1)).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(new Date(plusMonths(Date.parse('2027-12-15T00:00:00Z'), 12)).toISOString()).toBe('2028-12-15T00:00:00.000Z');
  });
});
