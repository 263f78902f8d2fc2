import { startServer, type Ledger, type RunningServer } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql-client';
import { ledgerTargets, openTargetLedger } from '../support/ledger-targets';
import { everyRowAsText } from '../support/plaintext-scan';

/**
 * The `importDncSnapshot` mutation over HTTP: a compliance key stores a registry snapshot as keyed
 * hashes with its count and digest; the same snapshot again stores nothing; other numbers under a
 * version on record, a bad input or another role store nothing. PGlite, the EventStoreDB
 * stand-in, and PostgreSQL when DATABASE_URL is set.
 */

const IMPORT = `mutation ($input: ImportDncSnapshotInput!, $commandId: ID) {
  importDncSnapshot(input: $input, commandId: $commandId) {
    registry version count digest alreadyImported unreadLines { line reason }
    result { streamId replayed events { eventId type globalPosition } }
  }
}`;

interface Imported {
  importDncSnapshot: {
    registry: string;
    version: string;
    count: number;
    digest: string;
    alreadyImported: boolean;
    unreadLines: Array<{ line: number; reason: string }>;
    result: { streamId: string; replayed: boolean; events: Array<{ eventId: string; type: string; globalPosition: number }> };
  };
}

describe.each(ledgerTargets())('importDncSnapshot on %s', (_name, prepare) => {
  let ledger: Ledger;
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let compliance: string;
  let analyst: string;
  const takenAt = new Date(Date.now() - 86_400_000).toISOString();
  const send = (key: string, input: Record<string, unknown>) => graphql<Imported>(server.url, IMPORT, { key, variables: { input } });
  const entries = async (version: string) =>
    (
      await ledger.database.query<{ phone_hash: string }>(
        "SELECT phone_hash FROM dnc_registry_entries WHERE registry = 'FR_BLOCTEL' AND snapshot_version = $1 ORDER BY phone_hash",
        [version],
      )
    ).rows.map((row) => row.phone_hash);

  beforeAll(async () => {
    const target = await prepare();
    cleanup = target.cleanup;
    ledger = await openTargetLedger(target, { CALLTRAIL_PORT: '0' });
    compliance = (await ledger.apiKeys.create({ role: 'compliance', label: 'compliance officer' })).key;
    analyst = (await ledger.apiKeys.create({ role: 'analyst', label: 'analyst' })).key;
    server = await startServer(ledger);
  });
  afterAll(async () => {
    await server?.close();
    await ledger?.close();
    await cleanup?.();
  });

  it('stores the numbers as keyed hashes and records DncSnapshotImported with their count and digest', async () => {
    const numbers = ['06 12 34 56 78', '+33 6 12 34 56 79', 'appelez-moi', '0612345678'];
    const response = await send(compliance, { registry: 'FR_BLOCTEL', version: '2026-11', takenAt, numbers });
    expect(response.body.errors).toBeUndefined();
    const imported = response.body.data!.importDncSnapshot;
    expect(imported).toMatchObject({ registry: 'FR_BLOCTEL', version: '2026-11', count: 2, alreadyImported: false });
    expect(imported.unreadLines).toEqual([{ line: 3, reason: expect.stringContaining('not a valid phone number') }]);
    expect(imported.result.events.map((event) => event.type)).toEqual(['DncSnapshotImported']);

    const hashes = [ledger.vault.phoneHash('+33612345678'), ledger.vault.phoneHash('+33612345679')].sort();
    expect(await entries('2026-11')).toEqual(hashes);
    const [event] = await ledger.store.readStream('registry-FR_BLOCTEL');
    expect(event!.data).toMatchObject({ registry: 'FR_BLOCTEL', version: '2026-11', count: 2, digest: imported.digest });
    expect(await everyRowAsText(ledger.database)).not.toContain('612345678');
  });

  it('answers the same snapshot again from the ledger, storing nothing new', async () => {
    const head = await ledger.store.headPosition();
    const response = await send(compliance, { registry: 'FR_BLOCTEL', version: '2026-11', takenAt, numbers: ['0612345678', '0612345679'] });
    expect(response.body.data!.importDncSnapshot).toMatchObject({ alreadyImported: true, count: 2, result: { replayed: true } });
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('refuses other numbers under a version on record, before writing a row', async () => {
    const head = await ledger.store.headPosition();
    const response = await send(compliance, { registry: 'FR_BLOCTEL', version: '2026-11', takenAt, numbers: ['0612345670'] });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'DUPLICATE_ID', field: 'version' });
    expect(await entries('2026-11')).toHaveLength(2);
    expect(await ledger.store.headPosition()).toBe(head);
  });

  it('refuses a bad input naming the field, and an analyst key, storing nothing', async () => {
    const head = await ledger.store.headPosition();
    const badRegistry = await send(compliance, { registry: 'NL_BELMENIETMEER', version: 'x', takenAt, numbers: [] });
    expect(badRegistry.body.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_INPUT', field: 'registry' });
    const future = await send(compliance, { registry: 'FR_BLOCTEL', version: '2027-01', takenAt: '2099-01-01T00:00:00Z', numbers: ['0612345670'] });
    expect(future.body.errors?.[0]?.extensions).toMatchObject({ code: 'OCCURRED_IN_FUTURE', field: 'takenAt' });
    const forbidden = await send(analyst, { registry: 'FR_BLOCTEL', version: '2026-12', takenAt, numbers: ['0612345670'] });
    expect(forbidden.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await entries('2027-01')).toEqual([]);
    expect(await entries('2026-12')).toEqual([]);
    expect(await ledger.store.headPosition()).toBe(head);
  });
});
