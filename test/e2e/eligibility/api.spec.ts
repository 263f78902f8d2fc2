import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionRunner, allProjections } from '@calltrail/projections';
import { loadConfig, openLedger, startServer, type Ledger, type RunningServer } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eligibilityWorld, recordChanges, seedWorld, type World } from '../../support/eligibility-world';
import { graphql } from '../../support/graphql-client';
import { createScratchDatabase } from '@calltrail/sql/testing';

interface Target {
  env: Record<string, string>;
  cleanup: () => Promise<void>;
}

const targets: Array<[string, () => Promise<Target>]> = [
  [
    'pglite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'calltrail-elig-'));
      return { env: { CALLTRAIL_DATA_DIR: dir }, cleanup: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
];
if (process.env['DATABASE_URL']) {
  targets.push([
    'postgres',
    async () => {
      const scratch = await createScratchDatabase(process.env['DATABASE_URL']!);
      return { env: { CALLTRAIL_STORE: 'postgres', DATABASE_URL: scratch.url }, cleanup: scratch.drop };
    },
  ]);
}

const ANSWER = 'index eligible nextEligibleAt evaluatedAt checkpoint basis reasons { code message rulePack ruleVersion eventIds until }';
const BATCH = `query ($phones: [String!]!, $campaignId: ID!, $processorId: ID!) {
  eligibilityBatch(phones: $phones, campaignId: $campaignId, processorId: $processorId) { ${ANSWER} }
}`;
const ONE = `query ($phone: String, $contactId: ID, $campaignId: ID!, $processorId: ID!, $at: DateTime, $basis: EligibilityBasis) {
  eligibility(phone: $phone, contactId: $contactId, campaignId: $campaignId, processorId: $processorId, at: $at, basis: $basis) { ${ANSWER} }
}`;

interface Answer {
  index: number;
  eligible: boolean;
  nextEligibleAt: string | null;
  checkpoint: number;
  reasons: { code: string; rulePack: string; eventIds: string[]; until: string | null }[];
}

const codes = (answer: Answer) => answer.reasons.map((reason) => reason.code).sort();

describe.each(targets)('eligibility over GraphQL on %s', (_name, prepare) => {
  let target: Target;
  let ledger: Ledger;
  let server: RunningServer;
  let runner: ProjectionRunner;
  let world: World;
  let dialerA: string;
  let dialerB: string;
  let processorKeyA: string;

  beforeAll(async () => {
    target = await prepare();
    const env = { ...target.env, CALLTRAIL_PORT: '0', CALLTRAIL_MASTER_KEY: randomBytes(32).toString('base64') };
    ledger = await openLedger(loadConfig(env));
    world = eligibilityWorld(Date.now(), (e164) => ledger.vault.phoneHash(e164));
    dialerA = (await ledger.apiKeys.create({ role: 'dialer', processorId: world.processorA })).key;
    dialerB = (await ledger.apiKeys.create({ role: 'dialer', processorId: world.processorB })).key;
    processorKeyA = (await ledger.apiKeys.create({ role: 'processor', processorId: world.processorA })).key;
    runner = new ProjectionRunner(ledger.database, ledger.store, allProjections());
    await seedWorld(ledger.store, ledger.database, world);
    await runner.catchUp();
    server = await startServer(ledger);
  });
  afterAll(async () => {
    await server?.close();
    await ledger?.close();
    await target?.cleanup();
  });

  async function batch(key: string, processorId: string): Promise<Answer[]> {
    const phones = [...world.contacts.map((contact) => contact.phone), world.unknownPhone];
    const response = await graphql<{ eligibilityBatch: Answer[] }>(server.url, BATCH, {
      key,
      variables: { phones, campaignId: world.campaignId, processorId },
    });
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.eligibilityBatch;
  }

  it('a dialer checks its call list before and after an objection, a DNC snapshot, a refusal and a callback', async () => {
    const before = await batch(dialerA, world.processorA);
    expect(before.map(codes)).toEqual([[], [], [], [], [], ['UNKNOWN_CONTACT']]);
    expect(before.map((answer) => answer.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect((await batch(dialerB, world.processorB)).map(codes)[4]).toEqual(['DATA_NOT_SHARED_WITH_PROCESSOR']);

    const { refusalAt, callbackAt } = await recordChanges(ledger.store, ledger.database, world);
    await runner.catchUp();

    const refusalLifts = new Date(Date.parse(refusalAt) + 30 * 86_400_000).toISOString();
    for (const [key, processorId] of [[dialerA, world.processorA], [dialerB, world.processorB]] as const) {
      const after = await batch(key, processorId);
      expect(after.map(codes)).toEqual([
        ['OBJECTED'],
        ['DNC_LISTED'],
        ['REFUSAL_COOLDOWN', 'SIMILAR_PRODUCT_COOLDOWN'],
        ['CALLBACK_REQUESTED'],
        processorId === world.processorB ? ['DATA_NOT_SHARED_WITH_PROCESSOR'] : [],
        ['UNKNOWN_CONTACT'],
      ]);
      expect(after.slice(0, 4).map((answer) => answer.nextEligibleAt)).toEqual([null, null, refusalLifts, callbackAt]);
      expect(after[1]!.reasons[0]).toMatchObject({ rulePack: 'BE', until: null });
      expect(after[0]!.checkpoint).toBe(await ledger.store.headPosition());
    }
    // The answers carry codes and ids, never the numbers or anything else personal.
    const text = JSON.stringify(await batch(dialerA, world.processorA));
    for (const contact of world.contacts) {
      expect(text).not.toContain(contact.phone.slice(1));
      expect(text).not.toContain(contact.phoneHash);
    }
  });

  it('answers only for the key\'s own processor, and names a bad number without failing on unknown ones', async () => {
    const variables = { phone: world.contacts[4]!.phone, campaignId: world.campaignId, processorId: world.processorB };
    const forbidden = await graphql(server.url, ONE, { key: dialerA, variables });
    expect(forbidden.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'processorId' });
    const own = await graphql<{ eligibility: Answer }>(server.url, ONE, {
      key: processorKeyA,
      variables: { ...variables, processorId: world.processorA },
    });
    expect(own.body.data!.eligibility.eligible).toBe(true);

    const unknown = await graphql<{ eligibility: Answer }>(server.url, ONE, {
      key: dialerA,
      variables: { ...variables, phone: '+3221239876', processorId: world.processorA },
    });
    expect(codes(unknown.body.data!.eligibility)).toEqual(['UNKNOWN_CONTACT']);

    const malformed = await graphql(server.url, BATCH, {
      key: dialerA,
      variables: { phones: ['+3221234560', 'call me'], campaignId: world.campaignId, processorId: world.processorA },
    });
    expect(malformed.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ELIGIBILITY_QUERY', field: 'phones[1]' });
    const tooMany = await graphql(server.url, BATCH, {
      key: dialerA,
      variables: { phones: Array.from({ length: 10_001 }, () => '+3221234560'), campaignId: world.campaignId, processorId: world.processorA },
    });
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_ELIGIBILITY_QUERY', field: 'phones' });
  });

  it('a late-reported objection: at the call\'s moment KNOWN says eligible, LEGAL says OBJECTED', async () => {
    const contact = world.contacts[4]!;
    const callMoment = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await ledger.store.appendToStream(
      `contact-${contact.contactId}`,
      [
        {
          type: 'ObjectionRaised',
          data: {
            contactId: contact.contactId, objectionId: randomUUID(), scope: 'direct_marketing', text: null,
            receivedVia: { processorId: world.processorB, channel: 'phone' },
          },
          metadata: { occurredAt: new Date(callMoment.getTime() - 3_600_000).toISOString() },
        },
      ],
      { expectedVersion: 'any' },
    );
    await runner.catchUp();
    const ask = (basis: string) =>
      graphql<{ eligibility: Answer & { basis: string } }>(server.url, ONE, {
        key: dialerA,
        variables: { contactId: contact.contactId, campaignId: world.campaignId, processorId: world.processorA, at: callMoment.toISOString(), basis },
      });
    const known = (await ask('KNOWN')).body.data!.eligibility;
    const legal = (await ask('LEGAL')).body.data!.eligibility;
    expect([known.eligible, codes(known), known.basis]).toEqual([true, [], 'KNOWN']);
    expect([legal.eligible, codes(legal), legal.basis]).toEqual([false, ['OBJECTED'], 'LEGAL']);
  });

  it('shows each projection\'s lag in health', async () => {
    const admin = (await ledger.apiKeys.create({ role: 'compliance' })).key;
    await ledger.store.appendToStream('registry-UK_TPS', [{ type: 'Unrelated', data: {} }], { expectedVersion: 'any' });
    const response = await graphql<{ health: { headPosition: number; projections: { projection: string; lag: number }[] } }>(
      server.url,
      '{ health { headPosition projections { projection version checkpoint lag } } }',
      { key: admin },
    );
    expect(response.body.data!.health.projections).toEqual([
      { projection: 'eligibility', version: 1, checkpoint: response.body.data!.health.headPosition - 1, lag: 1 },
      { projection: 'findings', version: 4, checkpoint: response.body.data!.health.headPosition - 1, lag: 1 },
      { projection: 'register', version: 2, checkpoint: response.body.data!.health.headPosition - 1, lag: 1 },
      { projection: 'ctm', version: 1, checkpoint: response.body.data!.health.headPosition - 1, lag: 1 },
    ]);
  });
});
