import { parseStreamId, type RecordedEvent } from '@calltrail/domain';
import type { EventStore, StoredEvent } from '@calltrail/event-store';
import { CALL_FOLD_TYPES, CONTACT_FOLD_TYPES, PROCESSOR_FOLD_TYPES, toFoldInput } from '@calltrail/projections';
import { forEachStoredEvent } from './report-query';

/** A fold input with its place in the global order, to merge lists read apart. */
interface Positioned {
  position: number;
  event: RecordedEvent;
}

/** The call attempts to audit, as stored. */
export interface AuditedAttempt {
  eventId: string;
  callId: string;
  contactId: string;
  campaignId: string;
  processorId: string;
  agentId: string | null;
  phoneHash: string;
  lineType: 'mobile' | 'landline' | 'switchboard';
  at: Date;
}

export interface AttemptFilter {
  from: Date;
  to: Date;
  campaignId: string | null;
  processorId: string | null;
}

/**
 * Everything the replay of a set of calls needs, read from the store once: each contact's history
 * (its stream and the calls about it), each campaign and processor stream, the registry snapshots.
 * A processor's data shares are kept per contact, so a contact's replay folds only its own.
 */
export class AuditHistory {
  readonly attempts: AuditedAttempt[] = [];
  readonly registries: RecordedEvent[] = [];
  private readonly contacts = new Map<string, RecordedEvent[]>();
  private readonly campaigns = new Map<string, RecordedEvent[]>();
  private readonly processors = new Map<string, Positioned[]>();
  private readonly shares = new Map<string, Positioned[]>();
  checkpoint = 0;

  constructor(private readonly filter: AttemptFilter) {}

  static async read(store: Pick<EventStore, 'readAll' | 'headPosition'>, filter: AttemptFilter): Promise<AuditHistory> {
    const history = new AuditHistory(filter);
    history.checkpoint = await forEachStoredEvent(store, (event) => history.add(event));
    return history;
  }

  contactEvents(contactId: string): readonly RecordedEvent[] {
    return this.contacts.get(contactId) ?? [];
  }

  campaignEvents(campaignId: string): readonly RecordedEvent[] {
    return this.campaigns.get(campaignId) ?? [];
  }

  campaignIds(): string[] {
    return [...this.campaigns.keys()];
  }

  /** The processor's stream as the replay of one contact needs it: its own shares only. */
  processorEventsFor(processorId: string, contactId: string): RecordedEvent[] {
    const base = this.processors.get(processorId) ?? [];
    const shares = this.shares.get(`${processorId}|${contactId}`) ?? [];
    const merged: RecordedEvent[] = [];
    let i = 0;
    let j = 0;
    while (i < base.length || j < shares.length) {
      const takeBase = j >= shares.length || (i < base.length && base[i]!.position < shares[j]!.position);
      merged.push(takeBase ? base[i++]!.event : shares[j++]!.event);
    }
    return merged;
  }

  private add(event: StoredEvent): void {
    const stream = parseStreamId(event.streamId);
    if (!stream) return;
    switch (stream.kind) {
      case 'contact':
        if (CONTACT_FOLD_TYPES.has(event.type)) push(this.contacts, stream.id!, toFoldInput(event));
        return;
      case 'call':
        return this.addCallEvent(event);
      case 'campaign':
        push(this.campaigns, stream.id!, toFoldInput(event));
        return;
      case 'processor':
        return this.addProcessorEvent(stream.id!, event);
      case 'registry':
        if (event.type === 'DncSnapshotImported') this.registries.push(toFoldInput(event));
        return;
      case 'organisation':
        return;
    }
  }

  private addCallEvent(event: StoredEvent): void {
    if (!CALL_FOLD_TYPES.has(event.type)) return;
    const data = event.data as Record<string, unknown>;
    const contactId = String(data['contactId']).toLowerCase();
    push(this.contacts, contactId, toFoldInput(event));
    if (event.type === 'CallAttempted') this.addAttempt(event, contactId);
  }

  private addAttempt(event: StoredEvent, contactId: string): void {
    const data = event.data as {
      callId: string;
      campaignId: string;
      processorId: string;
      agentId: string | null;
      dialled: { phoneHash: string; lineType: AuditedAttempt['lineType'] };
    };
    const at = new Date(event.metadata.occurredAt);
    const { from, to, campaignId, processorId } = this.filter;
    if (at < from || at >= to) return;
    if (campaignId && data.campaignId.toLowerCase() !== campaignId) return;
    if (processorId && data.processorId.toLowerCase() !== processorId) return;
    this.attempts.push({
      eventId: event.eventId,
      callId: data.callId,
      contactId,
      campaignId: data.campaignId.toLowerCase(),
      processorId: data.processorId.toLowerCase(),
      agentId: data.agentId,
      phoneHash: data.dialled.phoneHash,
      lineType: data.dialled.lineType,
      at,
    });
  }

  private addProcessorEvent(processorId: string, event: StoredEvent): void {
    const folded = toFoldInput(event);
    if (PROCESSOR_FOLD_TYPES.has(event.type)) {
      push(this.processors, processorId, { position: event.globalPosition, event: folded });
    } else if (event.type === 'DataSharedWithProcessor') {
      // Each contact's replay sees the share as naming that contact alone: a list of thousands would
      // otherwise be walked again for every call.
      for (const contactId of event.data['contactIds'] as string[]) {
        const id = contactId.toLowerCase();
        const own = { ...folded, data: { ...folded.data, contactIds: [id] } } as RecordedEvent;
        push(this.shares, `${processorId}|${id}`, { position: event.globalPosition, event: own });
      }
    }
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
