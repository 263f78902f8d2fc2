import { describe, expect, it } from 'vitest';
import {
  EVENT_STREAM_KIND,
  EVENT_TYPES,
  PERSONAL_FIELDS,
  personalDataSubject,
  streamIdOf,
  type DomainEvent,
} from './catalogue';
import { listPersonalValues, mapPersonalFields } from './personal-fields';
import { callStreamId, contactStreamId, parseStreamId, registryStreamId } from '../streams';

const contactId = '0b7f3c0e-5a43-4d8e-9a55-1f0d3a7f2c11';
const callId = '5d1e7a2b-6c3f-4b8a-9e0d-2a4c6e8f0b13';

const registered: DomainEvent = {
  type: 'ContactRegistered',
  data: {
    contactId,
    audience: 'B2C',
    country: 'FR',
    timeZone: 'Europe/Paris',
    name: 'Eulalie Vandersteen',
    phones: [
      { number: '+33612345678', phoneHash: 'a'.repeat(64), lineType: 'mobile' },
      { number: '+33142000000', phoneHash: 'b'.repeat(64), lineType: 'landline' },
    ],
    emails: ['eulalie@example.org'],
    company: null,
    jobTitle: null,
    profession: { role: null, sector: null },
    source: { kind: 'purchased_list', provider: 'ListCo', collectionMethod: 'opt-in web form' },
  },
};

describe('the event catalogue', () => {
  it('lists each type once, each with a stream kind and a personal-field entry', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(EVENT_TYPES).toHaveLength(36);
    for (const type of EVENT_TYPES) {
      expect(EVENT_STREAM_KIND[type]).toBeDefined();
      expect(PERSONAL_FIELDS[type]).toBeDefined();
    }
  });

  it('maps every personal value, and only those, through the transform', () => {
    const sealed = mapPersonalFields(registered.type, registered.data, (value) => `<${String(value)}>`);
    expect(sealed['name']).toBe('<Eulalie Vandersteen>');
    expect(sealed['emails']).toEqual(['<eulalie@example.org>']);
    expect((sealed['phones'] as { number: string; phoneHash: string }[]).map((p) => p.number)).toEqual([
      '<+33612345678>',
      '<+33142000000>',
    ]);
    expect((sealed['phones'] as { phoneHash: string }[])[0]!.phoneHash).toBe('a'.repeat(64));
    expect(sealed['company']).toBeNull();
    expect(sealed['country']).toBe('FR');
    expect(registered.data).toHaveProperty('name', 'Eulalie Vandersteen');
  });

  it('finds no plaintext personal data outside the listed fields of a registration', () => {
    const paths = listPersonalValues(registered.type, registered.data).map((v) => v.path);
    expect(paths).toEqual(['name', 'phones[].number', 'phones[].number', 'emails[]']);
    const rest = JSON.stringify(mapPersonalFields(registered.type, registered.data, () => 'SEALED'));
    expect(rest).not.toContain('Eulalie');
    expect(rest).not.toContain('+336');
    expect(rest).not.toContain('example.org');
  });

  it('names the stream and the data subject of an event from its data', () => {
    expect(streamIdOf(registered)).toBe(`contact-${contactId}`);
    expect(personalDataSubject(registered)).toBe(contactId);
    const note: DomainEvent = {
      type: 'CallNoteRecorded',
      data: { callId, contactId, noteId: callId, agentId: 'A-17', text: 'wants a quote' },
    };
    expect(streamIdOf(note)).toBe(`call-${callId}`);
    expect(personalDataSubject(note)).toBe(contactId);
    const snapshot: DomainEvent = {
      type: 'DncSnapshotImported',
      data: { registry: 'FR_BLOCTEL', version: '2026-11', takenAt: '2026-11-01T00:00:00Z', count: 3, digest: 'c'.repeat(64) },
    };
    expect(streamIdOf(snapshot)).toBe('registry-FR_BLOCTEL');
    expect(personalDataSubject(snapshot)).toBeNull();
  });
});

describe('stream ids', () => {
  it('round-trip through parseStreamId', () => {
    expect(parseStreamId(contactStreamId(contactId))).toEqual({ kind: 'contact', id: contactId });
    expect(parseStreamId(callStreamId(callId))).toEqual({ kind: 'call', id: callId });
    expect(parseStreamId(registryStreamId('BE_DNCM'))).toEqual({ kind: 'registry', id: 'BE_DNCM' });
    expect(parseStreamId('organisation')).toEqual({ kind: 'organisation', id: null });
  });

  it('refuse an id that is not a UUID, and an unknown stream', () => {
    expect(() => contactStreamId('+32470123456')).toThrow(/UUID/);
    expect(parseStreamId('contact-+32470123456')).toBeNull();
    expect(parseStreamId('registry-NL_BELMENIET')).toBeNull();
    expect(parseStreamId('widget-1')).toBeNull();
  });
});
