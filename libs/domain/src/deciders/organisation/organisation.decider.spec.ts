import { describe, expect, it } from 'vitest';
import type { OrganisationEvent } from '../../events/organisation.events';
import { EXAMPLE_EVENTS } from '../../examples/example-events';
import { expectRefusal, given } from '../decider-testing';
import type { OrganisationCommand } from './organisation.commands';
import { organisationDecider } from './organisation.decider';

const context = { now: new Date('2026-05-10T12:00:00.000Z') };
const breachId = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const detected: OrganisationEvent[] = [
  {
    type: 'BreachDetected',
    data: { breachId, detectedAt: '2026-05-04T07:30:00.000Z', nature: 'wrong recipient', dataCategories: ['name'], approximateSubjects: 3, processorId: null },
  },
];
const notify: OrganisationCommand = {
  type: 'RecordBreachNotified',
  breachId,
  authority: 'CNIL',
  notifiedAt: '2026-05-08T09:00:00Z',
  subjectsInformed: false,
};

describe('organisation decider', () => {
  it('sets the profile as given', () => {
    const profile = EXAMPLE_EVENTS.OrganisationProfileSet.data;
    expect(given(organisationDecider, []).when({ type: 'SetOrganisationProfile', profile }, context)).toEqual([
      { type: 'OrganisationProfileSet', data: profile },
    ]);
  });

  it('records a late breach notification as it happened: the audit judges the 72 hours (seed 002)', () => {
    expect(given(organisationDecider, detected).when(notify, context)).toEqual([
      {
        type: 'BreachNotified',
        occurredAt: '2026-05-08T09:00:00.000Z',
        data: { breachId, authority: 'CNIL', notifiedAt: '2026-05-08T09:00:00.000Z', reference: null, subjectsInformed: false },
      },
    ]);
  });

  const profile = EXAMPLE_EVENTS.OrganisationProfileSet.data;
  it.each<[string, OrganisationEvent[], OrganisationCommand, string, string]>([
    ['notifying a breach never detected', [], notify, 'BREACH_NOT_FOUND', 'breachId'],
    ['notifying the same authority twice', [...detected, { type: 'BreachNotified', data: { breachId, authority: 'CNIL', notifiedAt: '2026-05-05T00:00:00.000Z', reference: null, subjectsInformed: false } }], notify, 'BREACH_ALREADY_NOTIFIED', 'authority'],
    ['a notification before detection', detected, { ...notify, notifiedAt: '2026-05-01T00:00:00Z' } as OrganisationCommand, 'OUT_OF_ORDER', 'notifiedAt'],
    ['a breach recorded twice', detected, { type: 'RecordBreachDetected', breachId, detectedAt: '2026-05-04T07:30:00Z', nature: 'x', dataCategories: ['name'] }, 'DUPLICATE_ID', 'breachId'],
    ['a caller id that is not E.164', [], { type: 'SetOrganisationProfile', profile: { ...profile, callerIds: ['01 70 00 00 00'] } }, 'INVALID_FIELD', 'profile.callerIds[0]'],
    ['a profile without security measures', [], { type: 'SetOrganisationProfile', profile: { ...profile, securityMeasures: [] } }, 'INVALID_FIELD', 'profile.securityMeasures'],
  ])('refuses %s', (_name, history, command, code, field) => {
    expectRefusal(given(organisationDecider, history).refuses(command, context), code as never, field);
  });
});
