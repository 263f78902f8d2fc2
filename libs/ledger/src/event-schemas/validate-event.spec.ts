import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  EVENT_SCHEMA_VERSION,
  EVENT_TYPES,
  EXAMPLE_EVENTS,
  mapPersonalFields,
  type DomainEvent,
  type Sealed,
} from '@calltrail/domain';
import { describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_FILES } from './schema-files';
import { assertValidEvent, EventSchemaError, eventSchemaVersions, validateEvent } from './validate-event';

const schemaDir = fileURLToPath(new URL('../../../../schemas/events', import.meta.url));

const fakeSeal = (): Sealed => ({
  sealed: 'aes-256-gcm:v1',
  keyId: 'contact-key-1',
  iv: 'AAECAwQFBgcICQoL',
  ciphertext: 'c2VhbGVkIHRleHQ=',
  tag: 'AAECAwQFBgcICQoLDA0ODw==',
});

/** The stored form of an example: every personal field sealed, as the application does before appending. */
function stored(event: DomainEvent): Record<string, unknown> {
  return mapPersonalFields(event.type, event.data as Record<string, unknown>, fakeSeal);
}

function storedExample<T extends keyof typeof EXAMPLE_EVENTS>(type: T): Record<string, unknown> {
  return structuredClone(stored(EXAMPLE_EVENTS[type]));
}

describe('event schemas', () => {
  it('exist for every event type at its current version, and only for event types', () => {
    const withSchema = eventSchemaVersions().map((v) => `${v.type}.v${v.schemaVersion}`).sort();
    const expected = EVENT_TYPES.map((type) => `${type}.v${EVENT_SCHEMA_VERSION[type]}`).sort();
    expect(withSchema).toEqual(expected);
  });

  it('are all loaded from schemas/events', () => {
    const onDisk = readdirSync(schemaDir).filter((f) => f.endsWith('.json') && !f.startsWith('_'));
    expect(Object.keys(EVENT_SCHEMA_FILES).sort()).toEqual(onDisk.sort());
  });

  it.each(EVENT_TYPES)('accept the sealed example of %s', (type) => {
    const result = validateEvent(type, 1, stored(EXAMPLE_EVENTS[type]));
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it.each(EVENT_TYPES.filter((type) => EXAMPLE_EVENTS[type].type === type))(
    'refuse %s with an unknown field',
    (type) => {
      const result = validateEvent(type, 1, { ...stored(EXAMPLE_EVENTS[type]), surprise: 1 });
      expect(result.errors).toContainEqual({
        path: 'surprise',
        rule: 'additionalProperties',
        message: 'is not a field of this event',
      });
    },
  );

  it('refuse a personal field stored in plaintext, naming the field', () => {
    const data = { ...storedExample('ContactRegistered'), name: 'Mireille Fontanel' };
    const result = validateEvent('ContactRegistered', 1, data);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ path: 'name', rule: 'type', message: 'must be object' }]);
  });

  it('refuse a plaintext phone number inside the phones list, naming its position', () => {
    const data = storedExample('ContactRegistered');
    (data['phones'] as Record<string, unknown>[])[0]!['number'] = '+33612345678';
    expect(validateEvent('ContactRegistered', 1, data).errors).toEqual([
      { path: 'phones[0].number', rule: 'type', message: 'must be object' },
    ]);
  });

  it('refuse a nullable personal field that is neither sealed nor null', () => {
    const data = { ...storedExample('ContactRegistered'), company: 'Futura' };
    expect(validateEvent('ContactRegistered', 1, data).errors).toEqual([
      { path: 'company', rule: 'anyOf', message: 'must be object or null' },
    ]);
  });

  it('name the inner field of a malformed sealed value', () => {
    const data = storedExample('CallNoteRecorded');
    delete (data['text'] as Record<string, unknown>)['tag'];
    expect(validateEvent('CallNoteRecorded', 1, data).errors).toEqual([
      { path: 'text.tag', rule: 'required', message: 'is required' },
    ]);
  });

  it('refuse a purchased list without provider and collection method', () => {
    const data = storedExample('ContactRegistered');
    data['source'] = { kind: 'purchased_list', provider: null };
    const paths = validateEvent('ContactRegistered', 1, data).errors.map((e) => `${e.path} ${e.rule}`);
    expect(paths).toContain('source.collectionMethod required');
    expect(paths).toContain('source.provider type');
  });

  it('refuse a missing field, a wrong enum value and a malformed date, naming each', () => {
    const data = storedExample('CallAttempted');
    delete data['campaignId'];
    data['result'] = 'hung_up';
    data['startedAt'] = 'yesterday';
    data['dialled'] = { phoneHash: '+33612345678', lineType: 'mobile' };
    const errors = validateEvent('CallAttempted', 1, data).errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'campaignId', rule: 'required', message: 'is required' },
        {
          path: 'result',
          rule: 'enum',
          message: 'must be one of "no_answer", "busy", "voicemail", "answered", "wrong_number"',
        },
        { path: 'startedAt', rule: 'format', message: 'must match format "date-time"' },
        expect.objectContaining({ path: 'dialled.phoneHash', rule: 'pattern' }),
      ]),
    );
  });

  it('require a callback time exactly when a callback was requested', () => {
    const data = storedExample('CallOutcomeRecorded');
    data['callbackAt'] = null;
    expect(validateEvent('CallOutcomeRecorded', 1, data).errors.map((e) => e.path)).toContain('callbackAt');
    data['outcome'] = 'interested';
    expect(validateEvent('CallOutcomeRecorded', 1, data).valid).toBe(true);
  });

  it('refuse an unknown type or version', () => {
    expect(validateEvent('CallDeleted', 1, {}).errors[0]).toMatchObject({ rule: 'schema' });
    expect(validateEvent('CallAttempted', 2, {}).errors[0]!.message).toBe(
      'no schema for event type CallAttempted version 2',
    );
  });

  it('throws an error naming the type, field and rule from assertValidEvent', () => {
    const data = { ...storedExample('ObjectionRaised'), scope: 'everything' };
    expect(() => assertValidEvent('ObjectionRaised', 1, data)).toThrow(/ObjectionRaised v1 .*scope: must be one of/);
    const thrown = (() => {
      try {
        assertValidEvent('ObjectionRaised', 1, data);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(EventSchemaError);
    expect(thrown).toMatchObject({ code: 'EVENT_SCHEMA_VIOLATION', field: 'scope', details: { eventType: 'ObjectionRaised' } });
  });
});
