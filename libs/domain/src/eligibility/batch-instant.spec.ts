import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate';
import { campaignView, contactView, input, processorView } from './testing/fixtures';

/** Tuesday 2026-11-17, 18:30 in Brussels (closed) and 17:30 in London (open); both contacts under the BE pack. */
const EVENING = new Date('2026-11-17T17:30:00Z');

const brussels = contactView();
const london = contactView({ timeZone: 'Europe/London' });
const passed = campaignView();
const failed = campaignView({
  campaignId: 'campaign-failed',
  balancingTests: [
    { outcome: 'failed', assessedAt: '2026-01-05T10:00:00Z', validUntil: null, customerTermMonths: null, eventIds: ['ev-failed'] },
  ],
});

const hoursReason = (contact: typeof brussels) =>
  evaluateEligibility(input({ contact, at: EVENING })).reasons.find((reason) => reason.code === 'OUTSIDE_CALLING_HOURS');
const codes = (campaign: typeof passed) => evaluateEligibility(input({ campaign, at: EVENING })).reasons.map((reason) => reason.code);

// A batch evaluates every number at one instant, and what it computes once per instant (openings,
// local times, the latest balancing test) must stay each number's own: two zones, two campaigns, interleaved.
describe('numbers of one batch, evaluated at the same instant', () => {
  it('keeps each time zone its own calling hours and next opening', () => {
    for (let round = 0; round < 2; round += 1) {
      const closed = hoursReason(brussels);
      expect(closed?.until).toBe('2026-11-18T08:00:00.000Z');
      expect(closed?.message).toContain('Tue 2026-11-17 18:30 Europe/Brussels');
      expect(hoursReason(london)).toBeUndefined();
      expect(evaluateEligibility(input({ contact: brussels, at: EVENING })).nextEligibleAt).toBe('2026-11-18T08:00:00.000Z');
      expect(evaluateEligibility(input({ contact: london, at: EVENING })).nextEligibleAt).toBe('2026-11-17T17:30:00.000Z');
    }
  });

  it("keeps each campaign its own latest balancing test", () => {
    for (let round = 0; round < 2; round += 1) {
      expect(codes(failed)).toContain('BALANCING_TEST_FAILED');
      expect(codes(passed)).not.toContain('BALANCING_TEST_FAILED');
    }
  });
});

describe('what a batch remembers per campaign and processor at one instant', () => {
  const signed = processorView();
  const ended = processorView({
    processorId: 'callcentre-ended',
    agreements: [{ signedAt: '2025-01-01T00:00:00Z', endsAt: '2026-06-01T00:00:00Z', eventIds: ['ev-agreement-ended'] }],
  });
  const processorCodes = (processor: typeof signed) =>
    evaluateEligibility(input({ processor, at: EVENING })).reasons.map((reason) => reason.code);

  it("keeps each processor its own agreement, interleaved", () => {
    for (let round = 0; round < 2; round += 1) {
      expect(processorCodes(ended)).toContain('PROCESSOR_NO_AGREEMENT');
      expect(processorCodes(signed)).not.toContain('PROCESSOR_NO_AGREEMENT');
    }
  });

  it('gives every answer reasons of its own, equal to those of the first', () => {
    const first = evaluateEligibility(input({ processor: ended, campaign: failed, at: EVENING }));
    const second = evaluateEligibility(input({ processor: ended, campaign: failed, at: EVENING }));
    expect(second).toEqual(first);
    first.reasons.forEach((reason, i) => {
      expect(second.reasons[i]).not.toBe(reason);
      expect(second.reasons[i]!.eventIds).not.toBe(reason.eventIds);
    });
    first.reasons[0]!.eventIds.push('changed by the first answer');
    expect(evaluateEligibility(input({ processor: ended, campaign: failed, at: EVENING }))).toEqual(second);
  });
});
