/**
 * Writes the benchmark world (world.ts) into a ledger the way the ledger stores it: personal fields
 * sealed by the PII vault under each contact's key, numbers as the vault's keyed hashes, every event
 * checked against its schema, DNC numbers in the snapshot table, erasures by shredding the key.
 * Many streams are appended at once so the store's group commit writes large transactions.
 */
import { EVENT_SCHEMA_VERSION, mapPersonalFields, type EventType } from '@calltrail/domain';
import type { Actor, EventStore, NewEvent } from '@calltrail/event-store';
import { assertValidEvent } from '@calltrail/ledger';
import { writeDncSnapshotEntries } from '@calltrail/projections';
import type { PiiVault } from '@calltrail/pii-vault';
import type { SqlQueryable } from '@calltrail/sql';
import { randomFor } from './random';
import {
  call,
  campaignEvents,
  campaigns as planCampaigns,
  campaignsFor,
  contact as planContact,
  processorEvents,
  processors as planProcessors,
  snapshots as planSnapshots,
  unregisteredNumber,
  type BenchCampaign,
  type BenchContact,
  type BenchProcessor,
  type BenchSpec,
  type PlannedEvent,
} from './world';

const CONTACTS_PER_ROUND = 2_000;
const CALLS_PER_ROUND = 5_000;
const CONTACTS_PER_SHARE = 200;
/** Numbers on each registry that belong to no contact (the rest of the country's listed population). */
const UNREGISTERED_LISTED = 20_000;

export interface GenerationTarget {
  store: EventStore;
  vault: PiiVault;
  db: SqlQueryable;
  log: (line: string) => void;
}

const ADMIN: Actor = { keyId: 'bench-generator', role: 'compliance', processorId: null };

/** What calls need of a contact: no personal values, only keyed hashes. */
interface ContactKeys {
  contactId: string;
  country: BenchContact['country'];
  audience: BenchContact['audience'];
  registeredAt: number;
  phoneHashes: { phoneHash: string; lineType: string }[];
  erased: boolean;
}

/** Seals an event's personal fields under the contact's key and checks the result against its schema. */
async function sealed(vault: PiiVault, contactId: string | null, event: PlannedEvent, actor: Actor): Promise<NewEvent> {
  const type = event.type as EventType;
  const values: Promise<unknown>[] = [];
  const marked = mapPersonalFields(type, event.data, (value) => {
    if (contactId === null) throw new Error(`${type}: a personal field needs a contact to seal it under`);
    values.push(vault.seal(contactId, String(value)));
    return values.length - 1;
  });
  const seals = await Promise.all(values);
  const data = values.length === 0 ? event.data : mapPersonalFields(type, marked, (marker) => seals[marker as number]);
  const schemaVersion = EVENT_SCHEMA_VERSION[type];
  assertValidEvent(type, schemaVersion, data);
  return { type, data, metadata: { occurredAt: event.occurredAt, actor, schemaVersion, correlationId: null, causationId: null } };
}

class Writer {
  written = 0;
  private readonly started = Date.now();

  constructor(private readonly target: GenerationTarget) {}

  async append(streamId: string, events: NewEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.target.store.appendToStream(streamId, events, { expectedVersion: 'any' });
    this.written += events.length;
  }

  progress(phase: string, total: number): void {
    const seconds = (Date.now() - this.started) / 1_000;
    this.target.log(`  ${phase}: ${this.written.toLocaleString('en')} / ${total.toLocaleString('en')} events, ${seconds.toFixed(0)} s`);
  }
}

/** Monthly BE and FR registry snapshots: listed contacts' first numbers plus numbers no contact holds. */
async function writeSnapshots(target: GenerationTarget, spec: BenchSpec, writer: Writer) {
  const listed = Array.from({ length: spec.contacts }, (_, index) => planContact(spec, index))
    .filter((contact) => contact.dncListedAt !== null)
    .map((contact) => ({ country: contact.country, at: contact.dncListedAt!, phoneHash: target.vault.phoneHash(contact.phones[0]!.e164) }));
  for (const snapshot of planSnapshots(spec)) {
    const country = snapshot.registry === 'BE_DNCM' ? 'BE' : 'FR';
    const hashes = listed.filter((entry) => entry.country === country && entry.at <= snapshot.takenAt).map((entry) => entry.phoneHash);
    for (let n = 0; n < UNREGISTERED_LISTED; n += 1) hashes.push(target.vault.phoneHash(unregisteredNumber(country, 100_000 + n)));
    const { count, digest } = await writeDncSnapshotEntries(target.db, { registry: snapshot.registry, version: snapshot.version, phoneHashes: hashes });
    const takenAt = new Date(snapshot.takenAt).toISOString();
    await writer.append(`registry-${snapshot.registry}`, [
      await sealed(target.vault, null, { type: 'DncSnapshotImported', occurredAt: takenAt, data: { registry: snapshot.registry, version: snapshot.version, takenAt, count, digest } }, ADMIN),
    ]);
  }
  writer.progress('registry snapshots', spec.events);
}

async function writeSetup(target: GenerationTarget, spec: BenchSpec, writer: Writer, processors: BenchProcessor[], campaigns: BenchCampaign[]) {
  for (const processor of processors) {
    const events = await Promise.all(processorEvents(spec, processor).map((event) => sealed(target.vault, null, event, ADMIN)));
    await writer.append(`processor-${processor.processorId}`, events);
  }
  const snapshots = planSnapshots(spec);
  for (const campaign of campaigns) {
    const events = await Promise.all(campaignEvents(spec, campaign, snapshots).map((event) => sealed(target.vault, null, event, ADMIN)));
    await writer.append(`campaign-${campaign.campaignId}`, events);
  }
}

/** Registers the contacts round by round: keys made, fields sealed, many streams appended at once. */
async function writeContacts(target: GenerationTarget, spec: BenchSpec, writer: Writer): Promise<ContactKeys[]> {
  const keys: ContactKeys[] = [];
  for (let first = 0; first < spec.contacts; first += CONTACTS_PER_ROUND) {
    const round = Array.from({ length: Math.min(CONTACTS_PER_ROUND, spec.contacts - first) }, (_, n) => planContact(spec, first + n));
    await Promise.all(
      round.map(async (contact) => {
        const phoneHashes = contact.phones.map((phone) => ({ phoneHash: target.vault.phoneHash(phone.e164), lineType: phone.lineType }));
        const [registered, ...rest] = contact.events;
        const phones = (registered!.data['phones'] as { number: string; lineType: string }[]).map((phone, i) => ({ ...phone, phoneHash: phoneHashes[i]!.phoneHash }));
        await target.vault.createContactKey(contact.contactId);
        const events = await Promise.all(
          [{ ...registered!, data: { ...registered!.data, phones } }, ...rest].map((event) => sealed(target.vault, contact.contactId, event, ADMIN)),
        );
        await writer.append(`contact-${contact.contactId}`, events);
      }),
    );
    for (const contact of round) {
      keys.push({
        contactId: contact.contactId,
        country: contact.country,
        audience: contact.audience,
        registeredAt: contact.registeredAt,
        phoneHashes: contact.phones.map((phone) => ({ phoneHash: target.vault.phoneHash(phone.e164), lineType: phone.lineType })),
        erased: contact.erased,
      });
    }
    writer.progress('contacts', spec.events);
  }
  return keys;
}

/** Each campaign's contacts go to its call centres in lists of 200 (nine in ten of them: the rest never reach a centre). */
async function writeShares(target: GenerationTarget, spec: BenchSpec, writer: Writer, keys: ContactKeys[], campaigns: BenchCampaign[], processors: Map<string, BenchProcessor>) {
  for (const [campaignIndex, campaign] of campaigns.entries()) {
    for (const processorKey of campaign.processorKeys) {
      const processor = processors.get(processorKey)!;
      const random = randomFor(spec.seed, `share-${campaignIndex}`, processors.size);
      const targeted = keys.filter((contact) => campaignsFor([campaign], contact).length > 0 && random.chance(0.9));
      const events: Promise<NewEvent>[] = [];
      for (let first = 0; first < targeted.length; first += CONTACTS_PER_SHARE) {
        const list = targeted.slice(first, first + CONTACTS_PER_SHARE);
        const at = new Date(Math.max(...list.map((contact) => contact.registeredAt)) + 3_600_000).toISOString();
        events.push(
          sealed(target.vault, null, {
            type: 'DataSharedWithProcessor',
            occurredAt: at,
            data: {
              processorId: processor.processorId,
              shareId: random.uuid(),
              contactIds: list.map((contact) => contact.contactId),
              dataCategories: ['name', 'phone'],
              destinationCountry: processor.country,
              campaignId: campaign.campaignId,
            },
          }, ADMIN),
        );
      }
      await writer.append(`processor-${processor.processorId}`, await Promise.all(events));
    }
  }
  writer.progress('data shares', spec.events);
}

/** Calls until the data set holds exactly `spec.events` events once the erasures are added. */
async function writeCalls(target: GenerationTarget, spec: BenchSpec, writer: Writer, keys: ContactKeys[], campaigns: BenchCampaign[], processors: Map<string, BenchProcessor>, reserved: number) {
  const context = { contact: (index: number) => keys[index]!, campaigns, processors };
  let n = 0;
  while (writer.written + reserved < spec.events) {
    let budget = spec.events - reserved - writer.written;
    const round: { streamId: string; events: PlannedEvent[]; actor: Actor }[] = [];
    while (budget > 0 && round.length < CALLS_PER_ROUND) {
      const planned = call(spec, n, context, Math.min(budget, 5));
      n += 1;
      const processorId = planned.events[0]!.data['processorId'] as string;
      round.push({ streamId: `call-${planned.callId}`, events: planned.events, actor: { keyId: `bench-${processorId.slice(0, 8)}`, role: 'processor', processorId } });
      budget -= planned.events.length;
    }
    await Promise.all(
      round.map(async (planned) => {
        const events = await Promise.all(planned.events.map((event) => sealed(target.vault, null, event, planned.actor)));
        await writer.append(planned.streamId, events);
      }),
    );
    if (n % (CALLS_PER_ROUND * 10) === 0) writer.progress('calls', spec.events);
  }
  writer.progress('calls', spec.events);
}

/** Erasure as the ledger does it: request, destroy the contact's key, record completion with the suppressed hashes. */
async function writeErasures(target: GenerationTarget, spec: BenchSpec, writer: Writer, keys: ContactKeys[]) {
  const at = spec.anchor.getTime() - 30 * 60_000;
  for (const [index, contact] of keys.entries()) {
    if (!contact.erased) continue;
    const requestId = randomFor(spec.seed, 'erasure', index).uuid();
    const requested = await sealed(target.vault, contact.contactId, {
      type: 'ErasureRequested',
      occurredAt: new Date(at).toISOString(),
      data: { contactId: contact.contactId, requestId, ground: 'objection', receivedVia: { processorId: null, channel: 'email' } },
    }, ADMIN);
    const { keyId } = await target.vault.shred(contact.contactId);
    const completed = await sealed(target.vault, contact.contactId, {
      type: 'ErasureCompleted',
      occurredAt: new Date(at + 60_000).toISOString(),
      data: { contactId: contact.contactId, requestId, keyId: keyId!, suppressedPhoneHashes: contact.phoneHashes.map((line) => line.phoneHash) },
    }, ADMIN);
    await writer.append(`contact-${contact.contactId}`, [requested, completed]);
  }
  writer.progress('erasures', spec.events);
}

/** Writes the whole data set; returns how many events were written (exactly `spec.events`). */
export async function generateBenchData(target: GenerationTarget, spec: BenchSpec): Promise<number> {
  const writer = new Writer(target);
  const processorList = planProcessors(spec);
  const processors = new Map(processorList.map((processor) => [processor.key, processor]));
  const campaigns = planCampaigns(spec);
  await writeSnapshots(target, spec, writer);
  await writeSetup(target, spec, writer, processorList, campaigns);
  const keys = await writeContacts(target, spec, writer);
  await writeShares(target, spec, writer, keys, campaigns, processors);
  const erasureEvents = keys.filter((contact) => contact.erased).length * 2;
  await writeCalls(target, spec, writer, keys, campaigns, processors, erasureEvents);
  await writeErasures(target, spec, writer, keys);
  return writer.written;
}
