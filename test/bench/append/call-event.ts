import { randomUUID } from 'node:crypto';
import type { BenchEvent } from './systems';

/** The event every append benchmark writes: a dialer's call attempt, about 400 bytes of JSON. */
export function callEvent(n: number): BenchEvent {
  return {
    type: 'CallAttempted',
    data: {
      callId: randomUUID(),
      contactId: randomUUID(),
      campaignId: 'campaign-2026-energy',
      processorId: 'processor-be-01',
      outcome: n % 3 === 0 ? 'NO_ANSWER' : 'ANSWERED',
      durationSeconds: n % 300,
      dialledAt: '2026-11-23T09:15:00.000Z',
    },
    metadata: { occurredAt: '2026-11-23T09:15:00.000Z', correlationId: randomUUID(), actor: { keyId: 'dialer-1', role: 'dialer' } },
  };
}
