import { DomainError } from '../../errors';
import type { DecidedEvent } from '../../events/catalogue';
import {
  COMPLAINT_SUBJECTS,
  CONSENT_METHODS,
  ERASURE_GROUNDS,
  OBJECTION_SCOPES,
  type ContactEvent,
  type ContactPhone,
  type ReceivedVia,
} from '../../events/contact.events';
import {
  AUDIENCES,
  CHANNELS,
  LINE_TYPES,
  LIST_SOURCE_KINDS,
  RECEIPT_CHANNELS,
  SOURCE_KINDS,
  type ContactSource,
} from '../../values';
import {
  calendarDate,
  givenOccurredAt,
  optionalText,
  pastInstant,
  requireCountry,
  requireE164,
  requireEmail,
  requireNonEmptyList,
  requireOneOf,
  requirePhoneHash,
  requireText,
  requireTimeZone,
  requireUuid,
  withOccurredAt,
  type DecideContext,
  type Decider,
} from '../shared';
import type {
  ConfirmProcessorErasure,
  ContactCommand,
  GiveConsent,
  RectifyContactDetails,
  RegisterContact,
} from './contact.commands';

export type ContactStatus = 'unregistered' | 'active' | 'erasure_requested' | 'erased';

export interface ContactState {
  status: ContactStatus;
  contactId: string | null;
  /** Every keyed phone hash the contact ever had: kept for suppression after erasure. */
  phoneHashes: readonly string[];
  /** consentId → withdrawn? */
  consents: Readonly<Record<string, { withdrawn: boolean }>>;
  /** Ids of purchases, objections, complaints and requests already used. */
  usedIds: readonly string[];
  accessRequests: Readonly<Record<string, 'open' | 'fulfilled'>>;
  erasureRequests: Readonly<Record<string, 'open' | 'completed'>>;
  /** requestId → processors that confirmed the erasure. */
  processorConfirmations: Readonly<Record<string, readonly string[]>>;
}

export const initialContactState: ContactState = {
  status: 'unregistered',
  contactId: null,
  phoneHashes: [],
  consents: {},
  usedIds: [],
  accessRequests: {},
  erasureRequests: {},
  processorConfirmations: {},
};

/** Consent "methods" that are not consent at all (seed 002): accepting terms or a privacy statement. */
const TERMS_METHODS = [
  'terms_and_conditions',
  'terms_acceptance',
  'general_terms',
  'privacy_statement',
  'privacy_policy',
  'privacy_statement_acceptance',
];

export function decideContact(command: ContactCommand, state: ContactState, context: DecideContext): DecidedEvent<ContactEvent>[] {
  if (command.type === 'RegisterContact') return [registerContact(command, state, context)];
  requireRegistered(state, command.type);
  const at = givenOccurredAt(command, context);
  const contactId = state.contactId!;
  switch (command.type) {
    case 'RectifyContactDetails':
      requireNoPendingErasure(state, 'details');
      return [withOccurredAt(rectify(command, contactId), at)];
    case 'GiveConsent':
      requireNoPendingErasure(state, 'consent');
      return [giveConsent(command, state, context)];
    case 'WithdrawConsent':
      if (command.consentId && !state.consents[key(command.consentId)]) {
        throw new DomainError('CONSENT_NOT_FOUND', 'this contact never gave that consent', 'consentId');
      }
      return [
        withOccurredAt(
          { type: 'ConsentWithdrawn', data: { contactId, consentId: command.consentId ? key(command.consentId) : null, receivedVia: receivedVia(command.receivedVia) } },
          at,
        ),
      ];
    case 'RecordPurchase': {
      requireNoPendingErasure(state, 'purchase');
      requireNewId(state, command.purchaseId, 'purchaseId');
      const purchasedOn = calendarDate(command.purchasedOn, 'purchasedOn');
      const contractEndsOn = command.contractEndsOn ? calendarDate(command.contractEndsOn, 'contractEndsOn') : null;
      if (contractEndsOn !== null && contractEndsOn < purchasedOn) {
        throw new DomainError('INVALID_FIELD', 'contractEndsOn must not be before purchasedOn', 'contractEndsOn');
      }
      const data = { contactId, purchaseId: key(command.purchaseId), productCategory: requireText(command.productCategory, 'productCategory'), purchasedOn, contractEndsOn };
      return [withOccurredAt({ type: 'PurchaseRecorded', data }, at)];
    }
    case 'RaiseObjection':
      requireNewId(state, command.objectionId, 'objectionId');
      return [
        withOccurredAt(
          {
            type: 'ObjectionRaised',
            data: {
              contactId,
              objectionId: key(command.objectionId),
              scope: requireOneOf(command.scope ?? 'direct_marketing', OBJECTION_SCOPES, 'scope'),
              receivedVia: receivedVia(command.receivedVia),
              callId: optionalId(command.callId, 'callId'),
              campaignId: optionalId(command.campaignId, 'campaignId'),
              text: optionalText(command.text),
            },
          },
          at,
        ),
      ];
    case 'ReceiveComplaint':
      requireNewId(state, command.complaintId, 'complaintId');
      return [
        withOccurredAt(
          {
            type: 'ComplaintReceived',
            data: {
              contactId,
              complaintId: key(command.complaintId),
              subject: requireOneOf(command.subject, COMPLAINT_SUBJECTS, 'subject'),
              receivedVia: receivedVia(command.receivedVia),
              callId: optionalId(command.callId, 'callId'),
              campaignId: optionalId(command.campaignId, 'campaignId'),
              viaSupervisoryAuthority: command.viaSupervisoryAuthority ?? false,
              text: optionalText(command.text),
            },
          },
          at,
        ),
      ];
    case 'RequestAccess':
      requireNewId(state, command.requestId, 'requestId');
      return [
        withOccurredAt(
          { type: 'AccessRequested', data: { contactId, requestId: key(command.requestId), receivedVia: receivedVia(command.receivedVia) } },
          at,
        ),
      ];
    case 'FulfilAccess': {
      const request = state.accessRequests[key(command.requestId)];
      if (!request) throw new DomainError('REQUEST_NOT_FOUND', 'no access request with that id for this contact', 'requestId');
      if (request === 'fulfilled') throw new DomainError('REQUEST_ALREADY_CLOSED', 'the access request was already fulfilled', 'requestId');
      const data = {
        contactId,
        requestId: key(command.requestId),
        deliveredVia: requireOneOf(command.deliveredVia, RECEIPT_CHANNELS, 'deliveredVia'),
        dossierRef: requireText(command.dossierRef, 'dossierRef'),
      };
      return [withOccurredAt({ type: 'AccessFulfilled', data }, at)];
    }
    case 'RequestErasure':
      requireNewId(state, command.requestId, 'requestId');
      return [
        withOccurredAt(
          {
            type: 'ErasureRequested',
            data: {
              contactId,
              requestId: key(command.requestId),
              ground: requireOneOf(command.ground ?? 'other', ERASURE_GROUNDS, 'ground'),
              receivedVia: receivedVia(command.receivedVia),
            },
          },
          at,
        ),
      ];
    case 'CompleteErasure': {
      const request = state.erasureRequests[key(command.requestId)];
      if (!request) throw new DomainError('REQUEST_NOT_FOUND', 'no erasure request with that id for this contact', 'requestId');
      if (request === 'completed') throw new DomainError('REQUEST_ALREADY_CLOSED', 'the erasure was already completed', 'requestId');
      const data = {
        contactId,
        requestId: key(command.requestId),
        keyId: requireText(command.keyId, 'keyId'),
        suppressedPhoneHashes: [...state.phoneHashes],
      };
      return [withOccurredAt({ type: 'ErasureCompleted', data }, at)];
    }
    case 'ConfirmProcessorErasure':
      return [withOccurredAt(confirmProcessorErasure(command, state, contactId), at)];
  }
}

function registerContact(command: RegisterContact, state: ContactState, context: DecideContext): DecidedEvent<ContactEvent> {
  if (state.status !== 'unregistered') {
    throw new DomainError('STREAM_ALREADY_EXISTS', 'the contact is already registered', 'contactId');
  }
  const source = requireSource(command.source);
  const phones = checkPhones(command.phones ?? [], 'phones');
  const emails = (command.emails ?? []).map((email, i) => requireEmail(email, `emails[${i}]`));
  if (phones.length === 0 && emails.length === 0) {
    throw new DomainError('INVALID_FIELD', 'a contact needs at least one phone number or e-mail address', 'phones');
  }
  const event: ContactEvent = {
    type: 'ContactRegistered',
    data: {
      contactId: requireUuid(command.contactId, 'contactId'),
      audience: requireOneOf(command.audience, AUDIENCES, 'audience'),
      country: requireCountry(command.country, 'country'),
      timeZone: requireTimeZone(command.timeZone, 'timeZone'),
      name: requireText(command.name, 'name'),
      phones,
      emails,
      company: optionalText(command.company),
      jobTitle: optionalText(command.jobTitle),
      profession: { role: optionalText(command.profession?.role), sector: optionalText(command.profession?.sector) },
      source,
    },
  };
  return withOccurredAt(event, givenOccurredAt(command, context));
}

/** Seed 004: no contact without a recorded source; a bought or rented list names its provider and method. */
function requireSource(source: ContactSource | null | undefined): ContactSource {
  if (!source || !source.kind) {
    throw new DomainError('SOURCE_REQUIRED', 'a contact cannot be registered without the source of its data', 'source');
  }
  const kind = requireOneOf(source.kind, SOURCE_KINDS, 'source.kind');
  const provider = optionalText(source.provider);
  const collectionMethod = optionalText(source.collectionMethod);
  if (LIST_SOURCE_KINDS.includes(kind)) {
    const missing = [provider ? null : 'provider', collectionMethod ? null : 'collectionMethod'].filter((m): m is string => m !== null);
    if (missing.length > 0) {
      throw new DomainError(
        'LIST_PROVENANCE_REQUIRED',
        `a contact from a ${kind.replace('_', ' ')} needs the list's ${missing.join(' and ')}`,
        `source.${missing[0]}`,
        { missing },
      );
    }
  }
  return {
    kind,
    provider,
    providerProcessorId: optionalId(source.providerProcessorId, 'source.providerProcessorId'),
    collectionMethod,
    reference: optionalText(source.reference),
    obtainedAt: source.obtainedAt ?? null,
  };
}

function checkPhones(phones: readonly ContactPhone[], field: string): ContactPhone[] {
  const seen = new Set<string>();
  return phones.map((phone, i) => {
    const phoneHash = requirePhoneHash(phone.phoneHash, `${field}[${i}].phoneHash`);
    if (seen.has(phoneHash)) throw new DomainError('INVALID_FIELD', `${field}[${i}] repeats a number`, `${field}[${i}].number`);
    seen.add(phoneHash);
    return {
      number: requireE164(phone.number, `${field}[${i}].number`),
      phoneHash,
      lineType: requireOneOf(phone.lineType, LINE_TYPES, `${field}[${i}].lineType`),
    };
  });
}

const RECTIFIABLE = ['name', 'phones', 'emails', 'company', 'jobTitle', 'profession', 'audience', 'country', 'timeZone'] as const;

function rectify(command: RectifyContactDetails, contactId: string): ContactEvent {
  const changed = RECTIFIABLE.filter((field) => command[field] !== undefined);
  if (changed.length === 0) {
    throw new DomainError('INVALID_FIELD', `a rectification changes at least one of ${RECTIFIABLE.join(', ')}`, 'name');
  }
  const data: Extract<ContactEvent, { type: 'ContactDetailsRectified' }>['data'] = {
    contactId,
    requestedBySubject: command.requestedBySubject ?? false,
  };
  if (command.name !== undefined) data.name = requireText(command.name, 'name');
  if (command.phones !== undefined) data.phones = checkPhones(command.phones, 'phones');
  if (command.emails !== undefined) data.emails = command.emails.map((e, i) => requireEmail(e, `emails[${i}]`));
  if (command.company !== undefined) data.company = optionalText(command.company);
  if (command.jobTitle !== undefined) data.jobTitle = optionalText(command.jobTitle);
  if (command.profession !== undefined) {
    data.profession = { role: optionalText(command.profession.role), sector: optionalText(command.profession.sector) };
  }
  if (command.audience !== undefined) data.audience = requireOneOf(command.audience, AUDIENCES, 'audience');
  if (command.country !== undefined) data.country = requireCountry(command.country, 'country');
  if (command.timeZone !== undefined) data.timeZone = requireTimeZone(command.timeZone, 'timeZone');
  return { type: 'ContactDetailsRectified', data };
}

/** Seed 002: consent is an active, provable opt-in, never the acceptance of terms or a privacy statement. */
function giveConsent(command: GiveConsent, state: ContactState, context: DecideContext): DecidedEvent<ContactEvent> {
  const method = optionalText(command.evidence?.method);
  if (command.derivedFrom || (method !== null && TERMS_METHODS.includes(method))) {
    throw new DomainError(
      'CONSENT_FROM_TERMS',
      'consent cannot be derived from accepting terms and conditions or a privacy statement',
      command.derivedFrom ? 'derivedFrom' : 'evidence.method',
    );
  }
  const evidence = command.evidence ?? {};
  const missing = (['method', 'noticeVersion', 'givenAt', 'evidenceRef'] as const).filter((f) => !optionalText(evidence[f]));
  if (missing.length > 0) {
    throw new DomainError(
      'CONSENT_WITHOUT_EVIDENCE',
      `consent needs its evidence: ${missing.join(', ')} missing`,
      `evidence.${missing[0]}`,
      { missing },
    );
  }
  if (state.consents[key(command.consentId)]) throw new DomainError('DUPLICATE_ID', 'this consent id is already recorded', 'consentId');
  const givenAt = pastInstant(evidence.givenAt!, 'evidence.givenAt', context);
  const expiresAt = command.expiresAt ? pastOrFuture(command.expiresAt, 'expiresAt', givenAt) : null;
  const event: ContactEvent = {
    type: 'ConsentGiven',
    data: {
      contactId: state.contactId!,
      consentId: requireUuid(command.consentId, 'consentId'),
      purpose: requireText(command.purpose, 'purpose'),
      channels: requireNonEmptyList(command.channels, 'channels').map((c, i) => requireOneOf(c, CHANNELS, `channels[${i}]`)),
      campaignId: optionalId(command.campaignId, 'campaignId'),
      productCategory: optionalText(command.productCategory),
      evidence: {
        method: requireOneOf(method, CONSENT_METHODS, 'evidence.method'),
        noticeVersion: requireText(evidence.noticeVersion, 'evidence.noticeVersion'),
        givenAt,
        evidenceRef: requireText(evidence.evidenceRef, 'evidence.evidenceRef'),
      },
      expiresAt,
      receivedVia: receivedVia(command.receivedVia ?? { processorId: null, channel: 'web_form' }),
    },
  };
  return withOccurredAt(event, givenOccurredAt(command, context) ?? givenAt);
}

function pastOrFuture(value: string, field: string, after: string): string {
  const at = new Date(Date.parse(value));
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime())) {
    throw new DomainError('INVALID_FIELD', `${field} must be an ISO-8601 date and time`, field);
  }
  if (at.getTime() <= Date.parse(after)) throw new DomainError('INVALID_FIELD', `${field} must be after evidence.givenAt`, field);
  return at.toISOString();
}

function confirmProcessorErasure(command: ConfirmProcessorErasure, state: ContactState, contactId: string): ContactEvent {
  if (!state.erasureRequests[key(command.requestId)]) {
    throw new DomainError('REQUEST_NOT_FOUND', 'no erasure request with that id for this contact', 'requestId');
  }
  if ((state.processorConfirmations[key(command.requestId)] ?? []).includes(key(command.processorId))) {
    throw new DomainError('DUPLICATE_ID', 'this processor already confirmed this erasure', 'processorId');
  }
  return {
    type: 'ProcessorErasureConfirmed',
    data: {
      contactId,
      requestId: key(command.requestId),
      processorId: requireUuid(command.processorId, 'processorId'),
      evidenceRef: requireText(command.evidenceRef, 'evidenceRef'),
    },
  };
}

function receivedVia(via: ReceivedVia | null | undefined): ReceivedVia {
  if (!via) throw new DomainError('INVALID_FIELD', 'receivedVia is required: directly (processorId null) or through a processor', 'receivedVia');
  return {
    processorId: via.processorId ? requireUuid(via.processorId, 'receivedVia.processorId') : null,
    channel: requireOneOf(via.channel, RECEIPT_CHANNELS, 'receivedVia.channel'),
  };
}

/** After the erasure only erasure confirmations and completions may still be recorded. */
const ALLOWED_AFTER_ERASURE: readonly ContactCommand['type'][] = ['ConfirmProcessorErasure', 'CompleteErasure'];

function requireRegistered(state: ContactState, commandType: ContactCommand['type']): void {
  if (state.status === 'unregistered') throw new DomainError('CONTACT_NOT_FOUND', 'the contact has not been registered', 'contactId');
  if (state.status === 'erased' && !ALLOWED_AFTER_ERASURE.includes(commandType)) {
    throw new DomainError('CONTACT_ERASED', 'the contact is erased: only erasure confirmations can be recorded', 'contactId');
  }
}

function requireNoPendingErasure(state: ContactState, what: string): void {
  if (state.status === 'erasure_requested') {
    throw new DomainError('ERASURE_PENDING', `erasure was requested: no new ${what} can be recorded`, 'contactId');
  }
}

function requireNewId(state: ContactState, id: string, field: string): void {
  if (state.usedIds.includes(requireUuid(id, field))) throw new DomainError('DUPLICATE_ID', `this ${field} is already used for this contact`, field);
}

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'ContactRegistered':
      return { ...state, status: 'active', contactId: event.data.contactId, phoneHashes: event.data.phones.map((p) => p.phoneHash) };
    case 'ContactDetailsRectified': {
      const added = (event.data.phones ?? []).map((p) => p.phoneHash).filter((h) => !state.phoneHashes.includes(h));
      return { ...state, phoneHashes: [...state.phoneHashes, ...added] };
    }
    case 'ConsentGiven':
      return { ...state, consents: { ...state.consents, [event.data.consentId]: { withdrawn: false } } };
    case 'ConsentWithdrawn': {
      const ids = event.data.consentId ? [event.data.consentId] : Object.keys(state.consents);
      const withdrawn = Object.fromEntries(ids.map((id) => [id, { withdrawn: true }]));
      return { ...state, consents: { ...state.consents, ...withdrawn } };
    }
    case 'PurchaseRecorded':
      return useId(state, event.data.purchaseId);
    case 'ObjectionRaised':
      return useId(state, event.data.objectionId);
    case 'ComplaintReceived':
      return useId(state, event.data.complaintId);
    case 'AccessRequested':
      return { ...useId(state, event.data.requestId), accessRequests: { ...state.accessRequests, [event.data.requestId]: 'open' } };
    case 'AccessFulfilled':
      return { ...state, accessRequests: { ...state.accessRequests, [event.data.requestId]: 'fulfilled' } };
    case 'ErasureRequested':
      return {
        ...useId(state, event.data.requestId),
        status: state.status === 'erased' ? 'erased' : 'erasure_requested',
        erasureRequests: { ...state.erasureRequests, [event.data.requestId]: 'open' },
      };
    case 'ErasureCompleted':
      return { ...state, status: 'erased', erasureRequests: { ...state.erasureRequests, [event.data.requestId]: 'completed' } };
    case 'ProcessorErasureConfirmed': {
      const confirmed = state.processorConfirmations[event.data.requestId] ?? [];
      return {
        ...state,
        processorConfirmations: { ...state.processorConfirmations, [event.data.requestId]: [...confirmed, event.data.processorId] },
      };
    }
  }
}

/** Ids are compared in lower case, as `requireUuid` writes them. */
const key = (id: string): string => id.toLowerCase();

function optionalId(id: string | null | undefined, field: string): string | null {
  return id ? requireUuid(id, field) : null;
}

function useId(state: ContactState, id: string): ContactState {
  return { ...state, usedIds: [...state.usedIds, id.toLowerCase()] };
}

export const contactDecider: Decider<ContactCommand, ContactState, ContactEvent> = {
  decide: decideContact,
  evolve: evolveContact,
  initialState: initialContactState,
};
