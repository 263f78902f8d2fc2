import { randomBytes } from 'node:crypto';
import { loadConfig, openLedger, startServer, type Ledger, type RunningServer } from '@calltrail/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../support/graphql-client';
import { ledgerTargets, type LedgerTarget } from '../support/ledger-targets';

const targets = ledgerTargets();
const HEALTH = '{ health { storeKind headPosition dataLocation version } }';
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) {
  createApiKey(input: $input) { key apiKey { keyId role processorId revokedAt } }
}`;

describe.each(targets)('calltrail serve on %s, over HTTP', (storeName, prepare) => {
  let target: LedgerTarget;
  let ledger: Ledger;
  let server: RunningServer;
  let adminKey: string;

  beforeAll(async () => {
    target = await prepare();
    const env = { ...target.env, CALLTRAIL_PORT: '0', CALLTRAIL_MASTER_KEY: randomBytes(32).toString('base64') };
    ledger = await openLedger(loadConfig(env));
    adminKey = (await ledger.apiKeys.createFirstAdminKey())!.key;
    server = await startServer(ledger);
  });
  afterAll(async () => {
    await server?.close();
    await ledger?.close();
    await target?.cleanup();
  });

  it('serves on a loopback address', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
  });

  it('answers health to an admin key: store kind, head position, where the data lives', async () => {
    const { status, body } = await graphql(server.url, HEALTH, { key: adminKey });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      health: { storeKind: storeName, headPosition: 0, dataLocation: ledger.info.dataLocation, version: '0.1.0' },
    });
    expect(ledger.info.dataLocation).toContain(storeName === 'postgres' ? 'postgres://127.0.0.1:5432/' : 'pglite');
    expect(JSON.stringify(body.data)).not.toMatch(/CALLTRAIL_MASTER_KEY|password|tls=/i);
  });

  it('refuses a request without a key, or with a wrong one, as UNAUTHENTICATED and without a stack', async () => {
    for (const key of [undefined, 'ct_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'hello']) {
      const response = await graphql(server.url, HEALTH, { key });
      expect(response.body.data).toBeNull();
      expect(response.body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });
      expect(response.text).not.toMatch(/stacktrace|\bat .+:\d+:\d+/);
    }
  });

  it('lets the admin create a processor key that is limited to its role, then revoke it', async () => {
    const created = await graphql<{ createApiKey: { key: string; apiKey: { keyId: string } } }>(server.url, CREATE_KEY, {
      key: adminKey,
      variables: { input: { role: 'processor', processorId: 'callcentre-a', label: 'Call centre A' } },
    });
    expect(created.body.errors).toBeUndefined();
    const processorKey = created.body.data!.createApiKey.key;

    expect((await graphql(server.url, HEALTH, { key: processorKey })).body.errors).toBeUndefined();
    const forbidden = await graphql(server.url, CREATE_KEY, {
      key: processorKey,
      variables: { input: { role: 'admin' } },
    });
    expect(forbidden.body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const listed = await graphql(server.url, '{ apiKeys { keyId role } }', { key: adminKey });
    expect(listed.text).not.toContain(processorKey.split('_').slice(2).join('_'));

    const keyId = created.body.data!.createApiKey.apiKey.keyId;
    const revoked = await graphql(server.url, 'mutation ($id: ID!) { revokeApiKey(keyId: $id) { revokedAt } }', {
      key: adminKey,
      variables: { id: keyId },
    });
    expect(revoked.body.errors).toBeUndefined();
    expect((await graphql(server.url, HEALTH, { key: processorKey })).body.errors![0]!.extensions).toEqual({
      code: 'UNAUTHENTICATED',
    });
  });

  it('names the field and the rule of a bad input, and stores nothing', async () => {
    const before = (await ledger.apiKeys.list()).length;
    const badRole = await graphql(server.url, CREATE_KEY, { key: adminKey, variables: { input: { role: 'root' } } });
    expect(badRole.body.errors![0]).toMatchObject({
      message: expect.stringContaining('role must be one of admin, compliance, processor, dialer, analyst'),
      extensions: { code: 'INVALID_INPUT', field: 'role' },
    });
    const unbound = await graphql(server.url, CREATE_KEY, { key: adminKey, variables: { input: { role: 'dialer' } } });
    expect(unbound.body.errors![0]!.extensions).toMatchObject({ code: 'INVALID_PROCESSOR_SCOPE', field: 'processorId' });
    expect(await ledger.apiKeys.list()).toHaveLength(before);
  });
});
