/**
 * A small world for eligibility scenarios: one Belgian B2B campaign, two Belgian call centres with
 * agreements, five energy managers on business landlines (no calling-hours rule applies to them, so
 * the scenario does not depend on the hour the test runs). Every moment is relative to `now`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@calltrail/event-store';
import { openPostgresEventStore } from '@calltrail/event-store-postgres';
import { ProjectionRunner, eligibilityProjection, writeDncSnapshotEntries } from '@calltrail/projections';
import type { SqlQueryable } from '@calltrail/sql';
import type { TestDatabaseFactory } from './databases';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const TEST_PEPPER = 'test-pepper-for-eligibility-scenarios';
export const testPhoneHash = (e164: string) => createHmac('sha256', TEST_PEPPER).update(e164).digest('hex');

export interface World {
  now: number;
  campaignId: string;
  processorA: string;
  processorB: string;
  contacts: { contactId: string; phone: string; phoneHash: string }[];
  /** A valid number nobody registered. */
  unknownPhone: string;
  iso(offsetMs: number): string;
}

export function eligibilityWorld(now = Date.now(), phoneHash = testPhoneHash): World {
  const contacts = Array.from({ length: 5 }, (_, i) => {
    const phone = `+3221234${String(560 + i)}`;
    return { contactId: randomUUID(), phone, phoneHash: phoneHash(phone) };
  });
  return {
    now,
    campaignId: randomUUID(),
    processorA: randomUUID(),
    processorB: randomUUID(),
    contacts,
    unknownPhone: '+3221234999',
    iso: (offsetMs) => new Date(now + offsetMs).toISOString(),
  };
}

function at(event: Omit<NewEvent, 'metadata'>, occurredAt: string): NewEvent {
  return { ...event, metadata: { occurredAt } };
}

async function append(store: EventStore, streamId: string, events: NewEvent[]): Promise<void> {
  await store.appendToStream(streamId, events, { expectedVersion: 'any' });
}

/** Campaign, processors, contacts, data shares, and a first BE DNCM snapshot the campaign was scrubbed against. */
export async function seedWorld(store: EventStore, db: SqlQueryable, world: World): Promise<void> {
  const { campaignId, processorA, processorB, iso } = world;
  await importSnapshot(store, db, world, 'dncm-v1', -1 * DAY, []);
  await append(store, `campaign-${campaignId}`, [
    at({ type: 'CampaignDefined', data: {
      campaignId, name: 'Heat pumps for plants', purpose: 'Offer heat pumps to industrial sites',
      legalBasis: 'legitimate_interest', audience: 'B2B', channel: 'phone', productCategory: 'heat-pumps',
      similarProductGroup: 'home-energy', jurisdictions: ['BE'],
      targetProfessions: { roles: ['ENERGY_MANAGER'], sectors: [] },
      callingProfile: { maxRings: 6, retryAfterHours: 24 },
    } }, iso(-30 * DAY)),
    at({ type: 'BalancingTestRecorded', data: {
      campaignId, testId: randomUUID(), outcome: 'passed', assessedAt: iso(-30 * DAY), validUntil: null,
      customerTermMonths: null, documentRef: 'bt.pdf', factors: {},
    } }, iso(-30 * DAY)),
    at({ type: 'DpiaRecorded', data: {
      campaignId, dpiaId: randomUUID(), outcome: 'acceptable', assessedAt: iso(-30 * DAY), documentRef: 'dpia.pdf',
      dpoConsulted: true, authorityConsulted: false,
    } }, iso(-30 * DAY)),
    at({ type: 'CampaignStarted', data: { campaignId } }, iso(-25 * DAY)),
    at({ type: 'DncScrubPerformed', data: {
      campaignId, registry: 'BE_DNCM', snapshotVersion: 'dncm-v1', contactsChecked: 5, numbersSuppressed: 0,
    } }, iso(-1 * DAY)),
  ]);
  for (const processorId of [processorA, processorB]) {
    await append(store, `processor-${processorId}`, [
      at({ type: 'ProcessorRegistered', data: { processorId, name: `Call centre ${processorId.slice(0, 4)}`, role: 'call_centre', country: 'BE' } }, iso(-60 * DAY)),
      at({ type: 'ProcessorAgreementSigned', data: {
        processorId, agreementId: randomUUID(), validFrom: iso(-60 * DAY).slice(0, 10), validUntil: null, documentRef: 'dpa.pdf',
      } }, iso(-60 * DAY)),
    ]);
  }
  for (const contact of world.contacts) {
    await append(store, `contact-${contact.contactId}`, [
      at({ type: 'ContactRegistered', data: {
        contactId: contact.contactId, audience: 'B2B', country: 'BE', timeZone: 'Europe/Brussels',
        name: { sealed: 'test' }, phones: [{ number: { sealed: 'test' }, phoneHash: contact.phoneHash, lineType: 'landline' }],
        emails: [], company: null, jobTitle: null, profession: { role: 'ENERGY_MANAGER', sector: 'MANUFACTURING' },
        source: { kind: 'own_customer' },
      } }, iso(-20 * DAY)),
    ]);
  }
  const everyone = world.contacts.map((contact) => contact.contactId);
  await shareData(store, world, processorA, everyone, -19 * DAY);
  // Processor B never received the last contact.
  await shareData(store, world, processorB, everyone.slice(0, 4), -19 * DAY);
}

async function shareData(store: EventStore, world: World, processorId: string, contactIds: string[], offset: number) {
  await append(store, `processor-${processorId}`, [
    at({ type: 'DataSharedWithProcessor', data: {
      processorId, shareId: randomUUID(), contactIds, dataCategories: ['phone'], destinationCountry: 'BE', campaignId: world.campaignId,
    } }, world.iso(offset)),
  ]);
}

/** Writes a snapshot's keyed hashes (as the DNC import does) and records DncSnapshotImported. */
export async function importSnapshot(
  store: EventStore,
  db: SqlQueryable,
  world: World,
  version: string,
  takenOffset: number,
  phoneHashes: string[],
): Promise<void> {
  const { count, digest } = await writeDncSnapshotEntries(db, { registry: 'BE_DNCM', version, phoneHashes });
  await append(store, 'registry-BE_DNCM', [
    at({ type: 'DncSnapshotImported', data: { registry: 'BE_DNCM', version, takenAt: world.iso(takenOffset), count, digest } }, world.iso(takenOffset)),
  ]);
}

/** Contact 0 objects through processor B; contact 1 appears on a new DNC snapshot; contact 2 refuses
 * a call by A; contact 3 asks B to call back in two days. */
export async function recordChanges(store: EventStore, db: SqlQueryable, world: World): Promise<{ refusalAt: string; callbackAt: string }> {
  const [c0, c1, c2, c3] = world.contacts;
  const { iso } = world;
  await append(store, `contact-${c0!.contactId}`, [
    at({ type: 'ObjectionRaised', data: {
      contactId: c0!.contactId, objectionId: randomUUID(), scope: 'direct_marketing', text: null,
      receivedVia: { processorId: world.processorB, channel: 'phone' },
    } }, iso(-1 * HOUR)),
  ]);
  await importSnapshot(store, db, world, 'dncm-v2', -30 * 60_000, [c1!.phoneHash]);
  const refusalAt = iso(-2 * HOUR);
  await recordCall(store, world, c2!, world.processorA, refusalAt, 'not_interested', null);
  const callbackAt = iso(2 * DAY);
  await recordCall(store, world, c3!, world.processorB, iso(-3 * HOUR), 'callback_requested', callbackAt);
  return { refusalAt, callbackAt };
}

async function recordCall(
  store: EventStore,
  world: World,
  contact: World['contacts'][number],
  processorId: string,
  startedAt: string,
  outcome: string,
  callbackAt: string | null,
): Promise<void> {
  const callId = randomUUID();
  await append(store, `call-${callId}`, [
    at({ type: 'CallAttempted', data: {
      callId, contactId: contact.contactId, campaignId: world.campaignId, processorId, agentId: 'agent-1',
      presentedCallerId: '+3225550000', humanAgent: true, dialled: { phoneHash: contact.phoneHash, lineType: 'landline' },
      startedAt, rings: 3, result: 'answered', durationSeconds: 60,
    } }, startedAt),
    at({ type: 'CallOutcomeRecorded', data: { callId, contactId: contact.contactId, campaignId: world.campaignId, outcome, callbackAt } }, startedAt),
  ]);
}

/** A fresh database with the world seeded and the eligibility projection caught up on it. */
export async function projectedWorld(fresh: TestDatabaseFactory) {
  const { db, dispose } = await fresh();
  const store = await openPostgresEventStore(db);
  const runner = new ProjectionRunner(db, store, [eligibilityProjection()]);
  await runner.prepare();
  const world = eligibilityWorld();
  await seedWorld(store, db, world);
  await runner.catchUp();
  return { db, store, runner, world, dispose };
}
