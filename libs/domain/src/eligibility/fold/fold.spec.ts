/**
 * Views folded from the event catalogue, and eligibility at a past moment on both time bases: the
 * late-reported objection of Futura (seed 001) is lawful by KNOWN and OBJECTED by LEGAL.
 */
import { describe, expect, it } from 'vitest';
import type { CallEvent } from '../../events/call.events';
import type { CampaignEvent } from '../../events/campaign.events';
import type { DomainEvent } from '../../events/catalogue';
import type { ContactEvent } from '../../events/contact.events';
import type { ProcessorEvent } from '../../events/processor.events';
import type { RegistryEvent } from '../../events/registry.events';
import { EXAMPLE_EVENTS as EX } from '../../examples/example-events';
import { evaluateEligibility } from '../evaluate';
import { foldCampaignView } from './fold-campaign';
import { foldContactView } from './fold-contact';
import { foldProcessorView } from './fold-processor';
import { registryView, snapshotsInForce } from './fold-registry';
import { cutOff, type RecordedEvent, type TimeBasis } from './recorded-event';

let sequence = 0;
function rec<E extends DomainEvent>(event: E, occurredAt: string, recordedAt = occurredAt): RecordedEvent<E> {
  sequence += 1;
  return { ...event, eventId: `ev-${sequence}-${event.type}`, metadata: { occurredAt, recordedAt } };
}

const contactId = EX.ContactRegistered.data.contactId;
const campaignId = EX.CampaignDefined.data.campaignId;
const centreA = 'a0000000-0000-4000-8000-00000000000a';
const centreB = 'b0000000-0000-4000-8000-00000000000b';
const callA = 'ca000000-0000-4000-8000-0000000000ca';

const contactEvents: RecordedEvent<ContactEvent>[] = [
  rec(EX.ContactRegistered, '2026-03-02T08:00:00.000Z'),
  // Reported by call centre A two and a half days after the person said it.
  rec(
    { ...EX.ObjectionRaised, data: { ...EX.ObjectionRaised.data, receivedVia: { processorId: centreA, channel: 'phone' }, text: null } },
    '2026-06-10T14:00:00.000Z',
    '2026-06-13T08:00:00.000Z',
  ),
];

const campaignEvents: RecordedEvent<CampaignEvent>[] = [
  rec(EX.CampaignDefined, '2026-02-20T08:00:00.000Z'),
  rec(EX.BalancingTestRecorded, '2026-03-01T10:00:00.000Z'),
  rec(EX.CampaignStarted, '2026-03-05T08:00:00.000Z'),
  rec(EX.DncScrubPerformed, '2026-06-01T06:00:00.000Z'),
];

function processorEvents(processorId: string): RecordedEvent<ProcessorEvent>[] {
  return [
    rec({ type: 'ProcessorRegistered', data: { processorId, name: 'Centre', role: 'call_centre', country: 'FR' } }, '2025-12-01T08:00:00.000Z'),
    rec({ ...EX.ProcessorAgreementSigned, data: { ...EX.ProcessorAgreementSigned.data, processorId } }, '2025-12-15T08:00:00.000Z'),
    rec(
      { ...EX.DataSharedWithProcessor, data: { ...EX.DataSharedWithProcessor.data, processorId, destinationCountry: 'FR' } },
      '2026-03-10T08:00:00.000Z',
    ),
  ];
}

const registryEvents: RecordedEvent<RegistryEvent>[] = [
  rec(
    { type: 'DncSnapshotImported', data: { registry: 'FR_BLOCTEL', version: '2026-05-30', takenAt: '2026-05-30T00:00:00.000Z', count: 10, digest: 'd' } },
    '2026-05-30T00:00:00.000Z',
  ),
];

/** Replays every stream up to `at` on a basis, as the ledger does for a past moment. */
function eligibilityAt(at: string, basis: TimeBasis, processorId = centreB) {
  const moment = new Date(at);
  const campaign = foldCampaignView(cutOff(campaignEvents, moment, basis))!;
  return evaluateEligibility({
    contact: foldContactView(cutOff(contactEvents, moment, basis), { similarProductGroupOf: () => campaign.similarProductGroup }),
    campaign,
    processor: foldProcessorView(cutOff(processorEvents(processorId), moment, basis))!,
    registry: registryView(snapshotsInForce(cutOff(registryEvents, moment, basis)), () => false),
    at: moment,
  });
}

describe('eligibility at a past moment', () => {
  // Friday 2026-06-12, 11:00 in Paris: call centre B calls.
  const callMoment = '2026-06-12T09:00:00.000Z';

  it('an objection reported late: KNOWN says eligible, LEGAL says OBJECTED', () => {
    expect(eligibilityAt(callMoment, 'KNOWN')).toMatchObject({ eligible: true, reasons: [] });
    const legal = eligibilityAt(callMoment, 'LEGAL');
    expect(legal.reasons.map((reason) => reason.code)).toEqual(['OBJECTED']);
    expect(legal.reasons[0]!.eventIds).toEqual([contactEvents[1]!.eventId]);
  });

  it('once the objection is recorded, both bases say OBJECTED', () => {
    expect(eligibilityAt('2026-06-15T09:00:00.000Z', 'KNOWN').reasons.map((reason) => reason.code)).toEqual(['OBJECTED']);
  });

  it('before the campaign started, it was not active', () => {
    const early = eligibilityAt('2026-03-03T09:00:00.000Z', 'LEGAL');
    expect(early.reasons.map((reason) => reason.code)).toContain('CAMPAIGN_NOT_ACTIVE');
  });
});

describe('cutOff', () => {
  it('keeps what had occurred (LEGAL) or been recorded (KNOWN) by the moment, in that order', () => {
    const late = rec(EX.CampaignStarted, '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z');
    const early = rec(EX.CampaignEnded, '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z');
    const events = [early, late];
    expect(cutOff(events, new Date('2026-01-03T00:00:00Z'), 'LEGAL')).toEqual([late, early]);
    expect(cutOff(events, new Date('2026-01-03T00:00:00Z'), 'KNOWN')).toEqual([early]);
    expect(cutOff(events, new Date('2026-01-06T00:00:00Z'), 'KNOWN')).toEqual([early, late]);
  });

  it('refuses an unknown basis or an invalid moment, naming the field', () => {
    expect(() => cutOff([], new Date(), 'NOW' as TimeBasis)).toThrow(/basis: must be LEGAL or KNOWN/);
    expect(() => cutOff([], new Date('x'), 'LEGAL')).toThrow(/at: must be a valid Date/);
  });
});

describe('foldContactView', () => {
  it('is null before the contact is registered', () => {
    expect(foldContactView([])).toBeNull();
  });

  it('folds lines, consents and their withdrawal, calls and their outcomes, purchases and erasure', () => {
    const events: (RecordedEvent<ContactEvent> | RecordedEvent<CallEvent>)[] = [
      rec(EX.ContactRegistered, '2026-03-02T08:00:00.000Z'),
      rec(EX.ConsentGiven, '2026-03-03T19:13:00.000Z'),
      rec(EX.ConsentWithdrawn, '2026-04-01T10:00:00.000Z'),
      rec({ ...EX.CallAttempted, data: { ...EX.CallAttempted.data, callId: callA } }, '2026-04-02T09:15:00.000Z'),
      rec({ ...EX.CallOutcomeRecorded, data: { ...EX.CallOutcomeRecorded.data, callId: callA } }, '2026-04-02T09:20:00.000Z'),
      rec({ type: 'PurchaseRecorded', data: { contactId, purchaseId: callA, productCategory: 'heat-pumps', purchasedOn: '2026-04-20', contractEndsOn: null } }, '2026-04-20T12:00:00.000Z'),
      rec(EX.ErasureRequested, '2026-05-01T10:00:00.000Z'),
    ];
    const view = foldContactView(events, {
      similarProductGroupOf: (id) => (id === campaignId ? 'home-energy' : null),
      retention: { policy: { prospectMonths: 24, customerMonths: 60 }, eventIds: ['ev-policy'] },
    })!;
    expect(view).toMatchObject({ contactId, audience: 'B2C', country: 'FR', timeZone: 'Europe/Paris' });
    expect(view.lines).toEqual([{ phoneHash: EX.ContactRegistered.data.phones[0]!.phoneHash, lineType: 'mobile', eventIds: [events[0]!.eventId] }]);
    expect(view.consents).toEqual([
      expect.objectContaining({ purpose: 'marketing:heat-pumps', givenAt: '2026-03-03T19:12:44.000Z', withdrawnAt: '2026-04-01T10:00:00.000Z', eventIds: [events[1]!.eventId, events[2]!.eventId] }),
    ]);
    expect(view.attempts).toEqual([
      {
        at: '2026-04-02T09:15:00.000Z',
        processorId: EX.CallAttempted.data.processorId,
        campaignId,
        similarProductGroup: 'home-energy',
        result: 'answered',
        callOutcome: 'callback_requested',
        callbackAt: '2026-04-09T16:00:00.000Z',
        eventIds: [events[3]!.eventId, events[4]!.eventId],
      },
    ]);
    expect(view.purchases).toEqual([{ productCategory: 'heat-pumps', purchasedAt: '2026-04-20T00:00:00.000Z', contractEndsAt: null, eventIds: [events[5]!.eventId] }]);
    expect(view.erasure).toEqual({ requestedAt: '2026-05-01T10:00:00.000Z', completedAt: null, eventIds: [events[6]!.eventId] });
    // A customer is kept 60 months after the last purchase.
    expect(view.retentionExpiresAt).toEqual({ at: '2031-04-20T00:00:00.000Z', eventIds: ['ev-policy'] });
  });

  it('a withdrawal without a consent id withdraws every consent', () => {
    const second = { ...EX.ConsentGiven, data: { ...EX.ConsentGiven.data, consentId: callA } };
    const all = { ...EX.ConsentWithdrawn, data: { ...EX.ConsentWithdrawn.data, consentId: null } };
    const view = foldContactView([
      rec(EX.ContactRegistered, '2026-03-02T08:00:00.000Z'),
      rec(EX.ConsentGiven, '2026-03-03T00:00:00.000Z'),
      rec(second, '2026-03-04T00:00:00.000Z'),
      rec(all, '2026-03-05T00:00:00.000Z'),
    ])!;
    expect(view.consents.map((consent) => consent.withdrawnAt)).toEqual(['2026-03-05T00:00:00.000Z', '2026-03-05T00:00:00.000Z']);
  });
});

describe('foldCampaignView', () => {
  it('folds the definition, tests, lifecycle, changes of principles and scrubs', () => {
    const amended = rec(
      { type: 'CampaignAmended', data: { campaignId, changes: { similarProductGroup: 'energy' }, principlesChanged: true } },
      '2026-05-01T00:00:00.000Z',
    );
    const view = foldCampaignView([...campaignEvents, amended])!;
    expect(view).toMatchObject({
      campaignId,
      basis: 'legitimate_interest',
      audience: 'B2C',
      channel: 'phone',
      sector: 'commercial',
      similarProductGroup: 'energy',
      startsAt: '2026-03-05T08:00:00.000Z',
      endsAt: null,
      principlesChangedAt: [{ at: '2026-05-01T00:00:00.000Z', eventIds: [amended.eventId] }],
      dncScrubs: [{ registry: 'FR_BLOCTEL', snapshotVersion: '2026-03-30', at: '2026-06-01T06:00:00.000Z', eventIds: [campaignEvents[3]!.eventId] }],
    });
    expect(view.balancingTests).toEqual([
      { outcome: 'passed', assessedAt: '2026-03-01T10:00:00.000Z', validUntil: '2027-03-01T10:00:00.000Z', customerTermMonths: 36, eventIds: [campaignEvents[1]!.eventId] },
    ]);
    expect(foldCampaignView([])).toBeNull();
  });
});

describe('foldProcessorView', () => {
  it('an ended agreement ends at the moment it was ended; shares are kept per contact', () => {
    const [registered, signed, shared] = processorEvents(centreA);
    const ended = rec(
      { type: 'ProcessorAgreementEnded', data: { processorId: centreA, agreementId: EX.ProcessorAgreementSigned.data.agreementId, reason: null } },
      '2026-07-01T00:00:00.000Z',
    );
    const view = foldProcessorView([registered!, signed!, shared!, ended])!;
    expect(view.country).toBe('FR');
    expect(view.agreements).toEqual([{ signedAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-07-01T00:00:00.000Z', eventIds: [signed!.eventId, ended.eventId] }]);
    expect(view.dataReceived).toEqual({ [contactId]: [{ at: '2026-03-10T08:00:00.000Z', eventIds: [shared!.eventId] }] });
  });
});

describe('snapshotsInForce and registryView', () => {
  it('keeps the latest snapshot of each registry, and asks whether it lists the number', () => {
    const newer = rec(
      { type: 'DncSnapshotImported', data: { registry: 'FR_BLOCTEL', version: '2026-06-30', takenAt: '2026-06-30T00:00:00.000Z', count: 11, digest: 'e' } },
      '2026-06-30T00:00:00.000Z',
    );
    const snapshots = snapshotsInForce([...registryEvents, newer]);
    expect(snapshots).toEqual([{ registry: 'FR_BLOCTEL', version: '2026-06-30', takenAt: '2026-06-30T00:00:00.000Z', eventIds: [newer.eventId] }]);
    const view = registryView(snapshots, (registry, version) => registry === 'FR_BLOCTEL' && version === '2026-06-30');
    expect(view.listings).toEqual([{ registry: 'FR_BLOCTEL', snapshotVersion: '2026-06-30', listed: true, eventIds: [newer.eventId] }]);
  });
});
