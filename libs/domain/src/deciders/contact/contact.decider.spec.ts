import { describe, expect, it } from 'vitest';
import type { ContactEvent } from '../../events/contact.events';
import { EXAMPLE_EVENTS } from '../../examples/example-events';
import { expectRefusal, given } from '../decider-testing';
import type { ContactCommand, RegisterContact } from './contact.commands';
import { contactDecider } from './contact.decider';

const now = new Date('2026-04-10T12:00:00.000Z');
const context = { now };
const contactId = '3f2b8c1e-7d4a-4e6b-9a1c-5e8f0d2b4a61';
const processorA = 'b2d4f6a8-3c5e-4d7f-8a9b-1c3e5a7b9d0f';
const processorB = 'd9c8b7a6-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const consentId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const requestId = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';
const hashA = 'a'.repeat(64);

const register: RegisterContact = {
  type: 'RegisterContact',
  contactId,
  audience: 'B2C',
  country: 'FR',
  timeZone: 'Europe/Paris',
  name: 'Mireille Fontanel',
  phones: [{ number: '+33612345678', phoneHash: hashA, lineType: 'mobile' }],
  emails: ['m.fontanel@example.fr'],
  source: { kind: 'purchased_list', provider: 'Prospects Sud SARL', collectionMethod: 'opt-in quiz' },
};
const registered = contactDecider.decide(register, contactDecider.initialState, context) as ContactEvent[];
const erasureRequested: ContactEvent = {
  type: 'ErasureRequested',
  data: { contactId, requestId, ground: 'objection', receivedVia: { processorId: null, channel: 'letter' } },
};
const erased: ContactEvent[] = [
  ...registered,
  erasureRequested,
  { type: 'ErasureCompleted', data: { contactId, requestId, keyId: 'k1', suppressedPhoneHashes: [hashA] } },
];
const giveConsent = (evidence: Record<string, string | undefined>, extra: object = {}): ContactCommand => ({
  type: 'GiveConsent',
  contactId,
  consentId,
  purpose: 'marketing:heat-pumps',
  channels: ['phone'],
  evidence,
  ...extra,
});
const fullEvidence = {
  method: 'double_opt_in',
  noticeVersion: 'consent-text-2026-01',
  givenAt: '2026-03-03T19:12:44Z',
  evidenceRef: 'optin-7781',
};

describe('contact decider: happy paths', () => {
  it('registers a contact with its source, phones as number + keyed hash, and no occurredAt unless given', () => {
    expect(registered).toEqual([
      {
        type: 'ContactRegistered',
        data: {
          contactId,
          audience: 'B2C',
          country: 'FR',
          timeZone: 'Europe/Paris',
          name: 'Mireille Fontanel',
          phones: [{ number: '+33612345678', phoneHash: hashA, lineType: 'mobile' }],
          emails: ['m.fontanel@example.fr'],
          company: null,
          jobTitle: null,
          profession: { role: null, sector: null },
          source: {
            kind: 'purchased_list',
            provider: 'Prospects Sud SARL',
            providerProcessorId: null,
            collectionMethod: 'opt-in quiz',
            reference: null,
            obtainedAt: null,
          },
        },
      },
    ]);
  });

  it('records consent with its evidence, dated when it was given', () => {
    const [event] = given(contactDecider, registered).when(giveConsent(fullEvidence), context);
    expect(event).toMatchObject({
      type: 'ConsentGiven',
      occurredAt: '2026-03-03T19:12:44.000Z',
      data: { consentId, evidence: { method: 'double_opt_in', givenAt: '2026-03-03T19:12:44.000Z' } },
    });
  });

  it('records an objection received by a call centre, with the occurredAt it was given', () => {
    const events = given(contactDecider, registered).when(
      {
        type: 'RaiseObjection',
        contactId,
        objectionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
        receivedVia: { processorId: processorA, channel: 'phone' },
        occurredAt: '2026-04-01T10:00:00+02:00',
      },
      context,
    );
    expect(events).toEqual([
      {
        type: 'ObjectionRaised',
        occurredAt: '2026-04-01T08:00:00.000Z',
        data: {
          contactId,
          objectionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
          scope: 'direct_marketing',
          receivedVia: { processorId: processorA, channel: 'phone' },
          callId: null,
          campaignId: null,
          text: null,
        },
      },
    ]);
  });

  it('completes an erasure keeping every phone hash the contact ever had for suppression', () => {
    const hashB = 'b'.repeat(64);
    const rectified: ContactEvent = {
      type: 'ContactDetailsRectified',
      data: { contactId, phones: [{ number: '+33698765432', phoneHash: hashB, lineType: 'mobile' }], requestedBySubject: true },
    };
    const events = given(contactDecider, [...registered, rectified, erasureRequested]).when(
      { type: 'CompleteErasure', contactId, requestId, keyId: 'contact-key-1' },
      context,
    );
    expect(events).toEqual([
      { type: 'ErasureCompleted', data: { contactId, requestId, keyId: 'contact-key-1', suppressedPhoneHashes: [hashA, hashB] } },
    ]);
  });

  it('still records each processor erasure confirmation after the erasure', () => {
    const confirm = { type: 'ConfirmProcessorErasure', contactId, requestId, processorId: processorB, evidenceRef: 'ticket-9' } as const;
    expect(given(contactDecider, erased).when(confirm, context)).toEqual([
      { type: 'ProcessorErasureConfirmed', data: { contactId, requestId, processorId: processorB, evidenceRef: 'ticket-9' } },
    ]);
  });

  it('answers an access request once', () => {
    const requested: ContactEvent = {
      type: 'AccessRequested',
      data: { contactId, requestId, receivedVia: { processorId: null, channel: 'email' } },
    };
    const fulfil = { type: 'FulfilAccess', contactId, requestId, deliveredVia: 'email', dossierRef: 'd-1' } as const;
    const [fulfilled] = given(contactDecider, [...registered, requested]).when(fulfil, context);
    expect(fulfilled).toEqual({ type: 'AccessFulfilled', data: { contactId, requestId, deliveredVia: 'email', dossierRef: 'd-1' } });
    expectRefusal(given(contactDecider, [...registered, requested, fulfilled!]).refuses(fulfil, context), 'REQUEST_ALREADY_CLOSED', 'requestId');
  });

  it('replays the example events of the contact stream without refusing', () => {
    const history = given(contactDecider, [
      EXAMPLE_EVENTS.ContactRegistered,
      EXAMPLE_EVENTS.ConsentGiven,
      EXAMPLE_EVENTS.ObjectionRaised,
      EXAMPLE_EVENTS.ErasureRequested,
    ]);
    expect(history.state.status).toBe('erasure_requested');
    expect(history.state.consents).toEqual({ [consentId]: { withdrawn: false } });
  });
});

describe('contact decider: refusals', () => {
  const without = <K extends keyof RegisterContact>(key: K): RegisterContact => {
    const copy = { ...register };
    delete copy[key];
    return copy;
  };
  const cases: [string, ContactEvent[], ContactCommand, string, string | undefined][] = [
    ['a contact without a source', [], without('source'), 'SOURCE_REQUIRED', 'source'],
    ['a contact with a null source', [], { ...register, source: null }, 'SOURCE_REQUIRED', 'source'],
    [
      'a purchased list without provider',
      [],
      { ...register, source: { kind: 'purchased_list', collectionMethod: 'quiz' } },
      'LIST_PROVENANCE_REQUIRED',
      'source.provider',
    ],
    [
      'a rented list without collection method',
      [],
      { ...register, source: { kind: 'rented_list', provider: 'ListCo', collectionMethod: '  ' } },
      'LIST_PROVENANCE_REQUIRED',
      'source.collectionMethod',
    ],
    ['a second registration', registered, register, 'STREAM_ALREADY_EXISTS', 'contactId'],
    ['a phone number not in E.164', [], { ...register, phones: [{ number: '0612345678', phoneHash: hashA, lineType: 'mobile' }] }, 'INVALID_FIELD', 'phones[0].number'],
    ['a phone hash that is not a keyed hash', [], { ...register, phones: [{ number: '+33612345678', phoneHash: '+33612345678', lineType: 'mobile' }] }, 'INVALID_FIELD', 'phones[0].phoneHash'],
    ['an e-mail address that is not one', [], { ...register, emails: ['fontanel at example'] }, 'INVALID_FIELD', 'emails[0]'],
    ['an unknown time zone', [], { ...register, timeZone: 'Europe/Gotham' }, 'INVALID_FIELD', 'timeZone'],
    ['a contact with no phone and no e-mail', [], { ...register, phones: [], emails: [] }, 'INVALID_FIELD', 'phones'],
    ['consent without evidence', registered, giveConsent({}), 'CONSENT_WITHOUT_EVIDENCE', 'evidence.method'],
    ['consent without notice version', registered, giveConsent({ ...fullEvidence, noticeVersion: undefined }), 'CONSENT_WITHOUT_EVIDENCE', 'evidence.noticeVersion'],
    ['consent without evidence reference', registered, giveConsent({ ...fullEvidence, evidenceRef: '' }), 'CONSENT_WITHOUT_EVIDENCE', 'evidence.evidenceRef'],
    ['consent from accepting the terms', registered, giveConsent({ ...fullEvidence, method: 'terms_and_conditions' }), 'CONSENT_FROM_TERMS', 'evidence.method'],
    ['consent from a privacy statement', registered, giveConsent(fullEvidence, { derivedFrom: 'privacy_statement' }), 'CONSENT_FROM_TERMS', 'derivedFrom'],
    ['consent by an unknown method', registered, giveConsent({ ...fullEvidence, method: 'guessed' }), 'INVALID_FIELD', 'evidence.method'],
    ['consent given in the future', registered, giveConsent({ ...fullEvidence, givenAt: '2026-05-01T00:00:00Z' }), 'OCCURRED_IN_FUTURE', 'evidence.givenAt'],
    ['withdrawing a consent never given', registered, { type: 'WithdrawConsent', contactId, consentId, receivedVia: { processorId: null, channel: 'email' } }, 'CONSENT_NOT_FOUND', 'consentId'],
    ['an objection on an unregistered contact', [], { type: 'RaiseObjection', contactId, objectionId: consentId, receivedVia: { processorId: null, channel: 'phone' } }, 'CONTACT_NOT_FOUND', 'contactId'],
    ['an objection on an erased contact', erased, { type: 'RaiseObjection', contactId, objectionId: consentId, receivedVia: { processorId: null, channel: 'phone' } }, 'CONTACT_ERASED', 'contactId'],
    ['a rectification on an erased contact', erased, { type: 'RectifyContactDetails', contactId, name: 'X' }, 'CONTACT_ERASED', 'contactId'],
    ['an access request on an erased contact', erased, { type: 'RequestAccess', contactId, requestId: consentId, receivedVia: { processorId: null, channel: 'email' } }, 'CONTACT_ERASED', 'contactId'],
    ['new consent while erasure is pending', [...registered, erasureRequested], giveConsent(fullEvidence), 'ERASURE_PENDING', 'contactId'],
    ['a purchase while erasure is pending', [...registered, erasureRequested], { type: 'RecordPurchase', contactId, purchaseId: consentId, productCategory: 'x', purchasedOn: '2026-01-01' }, 'ERASURE_PENDING', 'contactId'],
    ['a rectification that changes nothing', registered, { type: 'RectifyContactDetails', contactId }, 'INVALID_FIELD', 'name'],
    ['a purchase on a day that does not exist', registered, { type: 'RecordPurchase', contactId, purchaseId: consentId, productCategory: 'x', purchasedOn: '2026-02-30' }, 'INVALID_FIELD', 'purchasedOn'],
    ['a contract ending before the purchase', registered, { type: 'RecordPurchase', contactId, purchaseId: consentId, productCategory: 'x', purchasedOn: '2026-01-01', contractEndsOn: '2025-12-31' }, 'INVALID_FIELD', 'contractEndsOn'],
    ['completing an erasure never requested', registered, { type: 'CompleteErasure', contactId, requestId, keyId: 'k' }, 'REQUEST_NOT_FOUND', 'requestId'],
    ['completing an erasure twice', erased, { type: 'CompleteErasure', contactId, requestId, keyId: 'k' }, 'REQUEST_ALREADY_CLOSED', 'requestId'],
    ['fulfilling an access request never received', registered, { type: 'FulfilAccess', contactId, requestId, deliveredVia: 'email', dossierRef: 'd' }, 'REQUEST_NOT_FOUND', 'requestId'],
    ['a processor confirmation for an unknown request', registered, { type: 'ConfirmProcessorErasure', contactId, requestId, processorId: processorA, evidenceRef: 'e' }, 'REQUEST_NOT_FOUND', 'requestId'],
    ['the same processor confirming twice', [...erased, { type: 'ProcessorErasureConfirmed', data: { contactId, requestId, processorId: processorA, evidenceRef: 'e' } }], { type: 'ConfirmProcessorErasure', contactId, requestId, processorId: processorA, evidenceRef: 'e' }, 'DUPLICATE_ID', 'processorId'],
    ['a reused request id', [...registered, erasureRequested], { type: 'RequestAccess', contactId, requestId, receivedVia: { processorId: null, channel: 'email' } }, 'DUPLICATE_ID', 'requestId'],
    ['an objection dated in the future', registered, { type: 'RaiseObjection', contactId, objectionId: consentId, receivedVia: { processorId: null, channel: 'phone' }, occurredAt: '2026-04-10T13:00:00Z' }, 'OCCURRED_IN_FUTURE', 'occurredAt'],
    ['an objection with a malformed date', registered, { type: 'RaiseObjection', contactId, objectionId: consentId, receivedVia: { processorId: null, channel: 'phone' }, occurredAt: 'last Tuesday' }, 'INVALID_FIELD', 'occurredAt'],
  ];

  it.each(cases)('refuses %s', (_name, history, command, code, field) => {
    expectRefusal(given(contactDecider, history).refuses(command, context), code as never, field);
  });

  it('names what is missing from a bought list and from consent evidence', () => {
    const list = given(contactDecider, []).refuses({ ...register, source: { kind: 'purchased_list' } }, context);
    expect(list.details).toEqual({ missing: ['provider', 'collectionMethod'] });
    expect(list.message).toBe("a contact from a purchased list needs the list's provider and collectionMethod");
    const consent = given(contactDecider, registered).refuses(giveConsent({ method: 'double_opt_in' }), context);
    expect(consent.details).toEqual({ missing: ['noticeVersion', 'givenAt', 'evidenceRef'] });
  });

  it('never repeats a phone number in an error message', () => {
    const error = given(contactDecider, []).refuses(
      { ...register, phones: [{ number: '0612345678', phoneHash: hashA, lineType: 'mobile' }] },
      context,
    );
    expect(error.message).not.toContain('0612345678');
  });
});
