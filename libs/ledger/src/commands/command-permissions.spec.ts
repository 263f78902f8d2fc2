import { describe, expect, it } from 'vitest';
import type { CommandInput } from './command-input';
import { authoriseCommand, authoriseOnCall } from './command-permissions';

const centreA = 'a0000000-0000-4000-8000-000000000001';
const centreB = 'b0000000-0000-4000-8000-000000000002';
const actor = (role: string, processorId: string | null = null) => ({ keyId: 'k1', role, processorId });
const attempt = (processorId: string) => ({ type: 'RecordCallAttempt', processorId }) as unknown as CommandInput;
const objection = (processorId: string | null) =>
  ({ type: 'RaiseObjection', receivedVia: { processorId, channel: 'phone' } }) as unknown as CommandInput;
const notice = { type: 'GiveRecordingNotice', callId: 'c', noticeVersion: 'v1' } as CommandInput;

describe('authorising a command', () => {
  it('lets a processor key record calls and objections for its own processor only', () => {
    const key = actor('processor', centreA);
    expect(() => authoriseCommand(key, attempt(centreA))).not.toThrow();
    expect(() => authoriseCommand(key, objection(centreA))).not.toThrow();
    expect(() => authoriseCommand(key, attempt(centreB))).toThrow(expect.objectContaining({ code: 'FORBIDDEN', field: 'processorId' }));
    expect(() => authoriseCommand(key, objection(null))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authoriseCommand(actor('processor', centreA.toUpperCase()), attempt(centreA))).not.toThrow();
  });

  it("checks a call's follow-ups against the processor that placed the call", () => {
    const key = actor('processor', centreA);
    expect(() => authoriseCommand(key, notice)).not.toThrow();
    expect(() => authoriseOnCall(key, notice, centreA)).not.toThrow();
    expect(() => authoriseOnCall(key, notice, centreB)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    // A call never attempted has no processor: the domain answers CALL_NOT_ATTEMPTED.
    expect(() => authoriseOnCall(key, notice, null)).not.toThrow();
  });

  it('keeps contacts, campaigns and erasures to compliance keys', () => {
    for (const type of ['RegisterContact', 'CompleteErasure', 'DefineCampaign', 'ImportDncSnapshot']) {
      const command = { type } as CommandInput;
      expect(() => authoriseCommand(actor('compliance'), command)).not.toThrow();
      for (const role of ['processor', 'dialer']) {
        expect(() => authoriseCommand(actor(role, centreA), command)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      }
      for (const role of ['analyst', 'admin']) {
        expect(() => authoriseCommand(actor(role), command)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
      }
    }
  });

  it('lets no dialer or analyst key record a call', () => {
    expect(() => authoriseCommand(actor('dialer', centreA), attempt(centreA))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => authoriseCommand(actor('analyst'), attempt(centreA))).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});
