import type { StoredEvent } from '@calltrail/event-store';
import { dataField } from './ledger-scan';

/** Names of processors and campaigns (companies and activities, not people), for readable reports. */
export interface LedgerNames {
  processors: Map<string, { name: string; country: string; role: string }>;
  campaigns: Map<string, string>;
}

export const NAME_EVENT_TYPES = new Set(['ProcessorRegistered', 'CampaignDefined', 'CampaignAmended']);

export function collectNames(events: readonly StoredEvent[]): LedgerNames {
  const names: LedgerNames = { processors: new Map(), campaigns: new Map() };
  for (const event of events) {
    if (event.type === 'ProcessorRegistered') {
      names.processors.set(dataField(event, 'processorId')!, {
        name: dataField(event, 'name') ?? '',
        country: dataField(event, 'country') ?? '',
        role: dataField(event, 'role') ?? '',
      });
    } else if (event.type === 'CampaignDefined') {
      names.campaigns.set(dataField(event, 'campaignId')!, dataField(event, 'name') ?? '');
    } else if (event.type === 'CampaignAmended') {
      const renamed = (event.data['changes'] as { name?: string } | undefined)?.name;
      if (renamed) names.campaigns.set(dataField(event, 'campaignId')!, renamed);
    }
  }
  return names;
}

/** `phone, through call centre Acme (…id)` or `letter, directly`. */
export function describeReceipt(receivedVia: unknown, names: LedgerNames): string {
  const via = (receivedVia ?? {}) as { processorId?: string | null; channel?: string };
  const channel = via.channel ?? 'unknown channel';
  if (!via.processorId) return `${channel}, directly`;
  const processor = names.processors.get(via.processorId);
  return `${channel}, through ${processor?.name ?? 'processor'} (${via.processorId})`;
}
