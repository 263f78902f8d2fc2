/**
 * The dated changes of the rule packs, as a dialer or an auditor meets them: the same call, judged
 * under the law in force at its moment.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './evaluate';
import { attempt, campaignView, contactView, input, processorView } from './testing/fixtures';

const codes = (result: ReturnType<typeof evaluateEligibility>) => result.reasons.map((reason) => reason.code);

describe('NL: the customer exception ends for commercial telemarketing on 2026-07-01', () => {
  const exCustomer = contactView({
    audience: 'B2C',
    country: 'NL',
    timeZone: 'Europe/Amsterdam',
    profession: null,
    purchases: [
      { productCategory: 'HEAT_PUMPS', purchasedAt: '2024-09-12T00:00:00Z', contractEndsAt: null, eventIds: ['ev-purchase'] },
    ],
  });
  const campaign = campaignView({ audience: 'B2C', targetProfessions: { roles: [], sectors: [] } });
  const call = (at: string) => evaluateEligibility(input({ contact: exCustomer, campaign, at: new Date(at) }));

  it('the same ex-customer call is eligible on 2026-06-30 (11:00 in Amsterdam)', () => {
    expect(call('2026-06-30T09:00:00Z')).toMatchObject({ eligible: true, reasons: [] });
  });

  it('and refused on 2026-07-01, naming NL 2026-07-01', () => {
    const result = call('2026-07-01T09:00:00Z');
    expect(codes(result)).toEqual(['CUSTOMER_EXCEPTION_ENDED', 'NO_CONSENT']);
    expect(result.reasons[0]).toMatchObject({ rulePack: 'NL', ruleVersion: '2026-07-01', eventIds: ['ev-purchase'], until: null });
    expect(result.nextEligibleAt).toBeNull();
  });

  it('the change takes effect at midnight in Amsterdam, not in UTC', () => {
    expect(codes(call('2026-06-30T22:30:00Z'))).toContain('CUSTOMER_EXCEPTION_ENDED');
    expect(codes(call('2026-06-30T21:30:00Z'))).not.toContain('CUSTOMER_EXCEPTION_ENDED');
  });
});

describe('FR: Décret 2022-1313 consumer hours (from 2023-03-01)', () => {
  const consumer = contactView({
    audience: 'B2C',
    country: 'FR',
    timeZone: 'Europe/Paris',
    profession: null,
    consents: [{ purpose: 'DIRECT_MARKETING', channels: ['phone'], campaignId: null, productCategory: null, givenAt: '2026-01-01T00:00:00Z', withdrawnAt: null, expiresAt: null, eventIds: ['ev-optin'] }],
  });
  const campaign = campaignView({
    audience: 'B2C',
    targetProfessions: { roles: [], sectors: [] },
    dncScrubs: [{ registry: 'FR_BLOCTEL', snapshotVersion: 'bloctel-2026-07', at: '2026-07-01T00:00:00Z', eventIds: ['ev-bloctel'] }],
  });
  const call = (at: string) => evaluateEligibility(input({ contact: consumer, campaign, at: new Date(at) }));

  it('a call at 13:30 in Paris is refused until 14:00', () => {
    const result = call('2026-07-08T11:30:00Z');
    expect(codes(result)).toEqual(['OUTSIDE_CALLING_HOURS']);
    expect(result.reasons[0]).toMatchObject({ rulePack: 'FR', until: '2026-07-08T12:00:00.000Z' });
    expect(result.reasons[0]!.message).toContain('Wed 2026-07-08 13:30 Europe/Paris');
    expect(result.nextEligibleAt).toBe('2026-07-08T12:00:00.000Z');
  });

  it('a call at 12:30 and at 19:30 in Paris is allowed', () => {
    expect(call('2026-07-08T10:30:00Z').eligible).toBe(true);
    expect(call('2026-07-08T17:30:00Z').eligible).toBe(true);
  });

  it('a call on 14 July is refused until 15 July 10:00', () => {
    const result = call('2026-07-14T09:00:00Z');
    expect(codes(result)).toEqual(['OUTSIDE_CALLING_HOURS']);
    expect(result.reasons[0]!.until).toBe('2026-07-15T08:00:00.000Z');
    expect(result.reasons[0]!.message).toContain('public holiday in FR');
  });

  it('before 2023-03-01 the default hours applied: 13:30 was allowed', () => {
    const before = evaluateEligibility(
      input({
        contact: consumer,
        campaign: campaignView({
          audience: 'B2C',
          targetProfessions: { roles: [], sectors: [] },
          startsAt: '2022-01-01T00:00:00Z',
          balancingTests: [{ outcome: 'passed', assessedAt: '2022-01-01T00:00:00Z', validUntil: null, customerTermMonths: null, eventIds: [] }],
          dncScrubs: [{ registry: 'FR_BLOCTEL', snapshotVersion: 'b', at: '2022-06-01T00:00:00Z', eventIds: [] }],
        }),
        processor: processorView({
          agreements: [{ signedAt: '2020-01-01T00:00:00Z', endsAt: null, eventIds: [] }],
          dataReceived: { 'contact-1': [{ at: '2022-01-02T00:00:00Z', eventIds: [] }] },
        }),
        at: new Date('2022-06-08T11:30:00Z'),
      }),
    );
    expect(before).toMatchObject({ eligible: true, reasons: [] });
  });
});

describe('FR: at most 4 calls per 30 days per company, every call centre counted', () => {
  it('the 5th call is refused across two call centres', () => {
    const consumer = contactView({
      audience: 'B2C',
      country: 'FR',
      timeZone: 'Europe/Paris',
      profession: null,
      consents: [{ purpose: 'DIRECT_MARKETING', channels: ['phone'], campaignId: null, productCategory: null, givenAt: '2026-01-01T00:00:00Z', withdrawnAt: null, expiresAt: null, eventIds: ['ev-optin'] }],
      attempts: [
        attempt({ at: '2026-09-01T08:00:00Z', result: 'no_answer', processorId: 'callcentre-a' }),
        attempt({ at: '2026-09-03T08:00:00Z', result: 'voicemail', processorId: 'callcentre-b' }),
        attempt({ at: '2026-09-07T08:00:00Z', result: 'no_answer', processorId: 'callcentre-a' }),
        attempt({ at: '2026-09-14T08:00:00Z', result: 'busy', processorId: 'callcentre-b' }),
      ],
    });
    const campaign = campaignView({
      audience: 'B2C',
      targetProfessions: { roles: [], sectors: [] },
      dncScrubs: [{ registry: 'FR_BLOCTEL', snapshotVersion: 'b', at: '2026-09-01T00:00:00Z', eventIds: [] }],
    });
    const processorB = processorView({ processorId: 'callcentre-b' });
    const result = evaluateEligibility(input({ contact: consumer, campaign, processor: processorB, at: new Date('2026-09-16T08:00:00Z') }));
    expect(codes(result)).toEqual(['ATTEMPT_LIMIT_REACHED']);
    // The first call leaves the 30-day window on 2026-10-01 at 10:00 Paris time, a Thursday inside the hours.
    expect(result.reasons[0]!.until).toBe('2026-10-01T08:00:00.000Z');
    expect(result.nextEligibleAt).toBe('2026-10-01T08:00:00.000Z');
  });
});
