import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate';
import { viewForNow } from './now-view';
import { DAY_MS, HOUR_MS } from './time';
import { attempt, contactView, input } from './testing/fixtures';
import type { ContactEligibilityView } from './views';

/** The contact's latest call: a Monday morning in Brussels. */
const LATEST = Date.parse('2026-11-16T09:00:00Z');
const iso = (atMs: number) => new Date(atMs).toISOString();

/** Calls over a year and a half, of every kind, out of order as a view may hold them. */
const calls = [
  attempt({ at: iso(LATEST), result: 'no_answer' }),
  attempt({ at: iso(LATEST - 400 * DAY_MS), callOutcome: 'do_not_call' }),
  attempt({ at: iso(LATEST - 200 * DAY_MS), callOutcome: 'callback_requested', callbackAt: '2027-03-01T09:00:00Z' }),
  attempt({ at: iso(LATEST - 300 * DAY_MS), callOutcome: 'not_interested' }),
  attempt({ at: iso(LATEST - 59 * DAY_MS), callOutcome: 'not_interested' }),
  attempt({ at: iso(LATEST - 20 * DAY_MS), callOutcome: 'interested' }),
  attempt({ at: iso(LATEST - 90 * DAY_MS), result: 'busy' }),
  attempt({ at: iso(LATEST - 5 * DAY_MS), result: 'voicemail', processorId: 'callcentre-b' }),
  attempt({ at: iso(LATEST - 2 * DAY_MS), result: 'wrong_number' }),
];

/** Moments after the latest call: the next hour, day, weeks, months, up to past the callback asked for. */
const MOMENTS = [1, 2, 25, 24 * 3, 24 * 20, 24 * 31, 24 * 59, 24 * 61, 24 * 120].map((hours) => new Date(LATEST + hours * HOUR_MS));

function sameAnswers(contact: ContactEligibilityView): void {
  const trimmed = viewForNow(contact).view;
  for (const at of MOMENTS) {
    expect(evaluateEligibility(input({ contact: trimmed, at }))).toEqual(evaluateEligibility(input({ contact, at })));
  }
}

describe('a contact view trimmed for answers now', () => {
  it('drops the calls older than every rule looks back, keeps the rest in their order', () => {
    const { view, validAfterMs } = viewForNow(contactView({ attempts: calls }));
    expect(validAfterMs).toBe(LATEST);
    expect(view.attempts.map((call) => call.at)).toEqual(
      [0, 400, 59, 20, 5, 2].map((days) => iso(LATEST - days * DAY_MS)),
    );
  });

  it('answers as the full view at every moment after the latest call, for every pack', () => {
    for (const country of ['BE', 'NL', 'FR', 'DE']) {
      for (const audience of ['B2B', 'B2C'] as const) {
        sameAnswers(contactView({ country, audience, timeZone: null, attempts: calls }));
        sameAnswers(contactView({ country, audience, timeZone: null, attempts: calls.filter((call) => call.callOutcome !== 'do_not_call') }));
      }
    }
  });

  it('keeps a callback asked for long ago on the latest answered call', () => {
    const contact = contactView({ attempts: calls.filter((call) => call.result !== 'answered' || call.callbackAt !== null) });
    const at = new Date(LATEST + 30 * DAY_MS);
    const codes = evaluateEligibility(input({ contact: viewForNow(contact).view, at })).reasons.map((reason) => reason.code);
    expect(codes).toContain('CALLBACK_REQUESTED');
    sameAnswers(contact);
  });

  it('leaves a view without calls as it is, valid at any moment', () => {
    const contact = contactView();
    expect(viewForNow(contact)).toEqual({ view: contact, validAfterMs: null });
  });

  it('gives back the view itself when it leaves no call out (the projection then stores it once)', () => {
    const recent = contactView({ attempts: [calls[0]!, ...calls.slice(-2)] });
    expect(viewForNow(recent).view).toBe(recent);
    const all = contactView({ attempts: calls });
    expect(viewForNow(all).view).not.toBe(all);
  });
});
