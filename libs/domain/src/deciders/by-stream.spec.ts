import { describe, expect, it } from 'vitest';
import { EVENT_STREAM_KIND, EVENT_TYPES, streamIdOf, type DomainEvent } from '../events/catalogue';
import { EXAMPLE_EVENTS } from '../examples/example-events';
import { COMMAND_STREAM_KIND, COMMAND_TYPES, DECIDERS, foldEvents, streamIdOfCommand } from './by-stream';

describe('deciders by stream', () => {
  it('evolve every example event of their stream kind', () => {
    for (const type of EVENT_TYPES) {
      const decider = DECIDERS[EVENT_STREAM_KIND[type]] as { evolve: (s: unknown, e: DomainEvent) => unknown; initialState: unknown };
      expect(() => foldEvents(decider, [EXAMPLE_EVENTS[type]])).not.toThrow();
    }
  });

  it('send each command to the stream its events land in', () => {
    const contactId = EXAMPLE_EVENTS.ContactRegistered.data.contactId;
    expect(streamIdOfCommand({ type: 'RaiseObjection', contactId, objectionId: contactId, receivedVia: { processorId: null, channel: 'phone' } })).toBe(
      streamIdOf(EXAMPLE_EVENTS.ObjectionRaised),
    );
    const share = EXAMPLE_EVENTS.DataSharedWithProcessor.data;
    expect(streamIdOfCommand({ type: 'ShareDataWithProcessor', ...share })).toBe(streamIdOf(EXAMPLE_EVENTS.DataSharedWithProcessor));
    expect(streamIdOfCommand({ type: 'RecordCallNote', callId: EXAMPLE_EVENTS.CallNoteRecorded.data.callId, noteId: contactId, text: 'x' })).toBe(
      streamIdOf(EXAMPLE_EVENTS.CallNoteRecorded),
    );
    expect(streamIdOfCommand({ type: 'ImportDncSnapshot', ...EXAMPLE_EVENTS.DncSnapshotImported.data })).toBe('registry-FR_BLOCTEL');
    expect(streamIdOfCommand({ type: 'RecordBreachNotified', ...EXAMPLE_EVENTS.BreachNotified.data })).toBe('organisation');
  });

  it('covers as many commands as event types, each on a known stream kind', () => {
    expect(COMMAND_TYPES).toHaveLength(EVENT_TYPES.length);
    expect(new Set(Object.values(COMMAND_STREAM_KIND))).toEqual(new Set(Object.values(EVENT_STREAM_KIND)));
  });
});
