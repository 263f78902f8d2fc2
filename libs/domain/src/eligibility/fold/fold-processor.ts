import type { ProcessorEvent } from '../../events/processor.events';
import type { AgreementFact, DataShareFact, ProcessorEligibilityView, SafeguardFact } from '../views';
import { type RecordedEvent, startOfDate } from './recorded-event';

interface Draft {
  processorId: string;
  country: string;
  agreements: Map<string, AgreementFact>;
  safeguards: SafeguardFact[];
  dataReceived: Record<string, DataShareFact[]>;
}

function earlier(a: string | null, b: string): string {
  return a !== null && Date.parse(a) <= Date.parse(b) ? a : b;
}

function apply(draft: Draft, event: RecordedEvent<ProcessorEvent>): void {
  const ids = [event.eventId];
  switch (event.type) {
    case 'ProcessorRegistered':
      draft.country = event.data.country;
      return;
    case 'ProcessorAgreementSigned': {
      const { agreementId, validFrom, validUntil } = event.data;
      draft.agreements.set(agreementId, {
        signedAt: startOfDate(validFrom),
        endsAt: validUntil ? startOfDate(validUntil) : null,
        eventIds: ids,
      });
      return;
    }
    case 'ProcessorAgreementEnded': {
      const agreement = draft.agreements.get(event.data.agreementId);
      if (!agreement) return;
      draft.agreements.set(event.data.agreementId, {
        ...agreement,
        endsAt: earlier(agreement.endsAt, event.metadata.occurredAt),
        eventIds: [...agreement.eventIds, event.eventId],
      });
      return;
    }
    case 'TransferSafeguardRecorded': {
      const { kind, destinationCountry, validFrom, validUntil } = event.data;
      draft.safeguards.push({
        kind,
        destinationCountry,
        from: startOfDate(validFrom),
        until: validUntil ? startOfDate(validUntil) : null,
        eventIds: ids,
      });
      return;
    }
    case 'DataSharedWithProcessor':
      for (const contactId of event.data.contactIds) {
        (draft.dataReceived[contactId] ??= []).push({ at: event.metadata.occurredAt, eventIds: ids });
      }
      return;
    case 'AgentTrainingRecorded':
      return;
  }
}

/** The processor's eligibility view, folded in the order given. Null before it is registered. */
export function foldProcessorView(events: readonly RecordedEvent<ProcessorEvent>[]): ProcessorEligibilityView | null {
  let draft: Draft | null = null;
  for (const event of events) {
    if (event.type === 'ProcessorRegistered' && !draft) {
      draft = { processorId: event.data.processorId, country: event.data.country, agreements: new Map(), safeguards: [], dataReceived: {} };
    }
    if (draft) apply(draft, event);
  }
  if (!draft) return null;
  return {
    processorId: draft.processorId,
    country: draft.country,
    agreements: [...draft.agreements.values()],
    safeguards: draft.safeguards,
    dataReceived: draft.dataReceived,
  };
}
