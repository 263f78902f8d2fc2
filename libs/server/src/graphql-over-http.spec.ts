import { request } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { INestApplication } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from './config';
import { openLedger, type Ledger } from './open-ledger';
import { createApp, startServer, type RunningServer } from './server';

interface Reply {
  status: number;
  contentType: string | undefined;
  body: string;
}

function post(url: string, path: string, body: string | Buffer, headers: Record<string, string> = {}, method = 'POST'): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: hostname, port, path, method, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, contentType: response.headers['content-type'], body: text }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const HEALTH = JSON.stringify({ query: '{ health { storeKind headPosition } }' });

describe('GraphQL POSTs answered without Express (serveGraphqlPostsDirectly)', () => {
  let ledger: Ledger;
  let server: RunningServer;
  let expressOnly: INestApplication;
  let expressOnlyUrl: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    ledger = await openLedger(loadConfig({ CALLTRAIL_PORT: '0' }), { inMemory: true });
    admin = { authorization: `Bearer ${(await ledger.apiKeys.createFirstAdminKey())!.key}` };
    server = await startServer(ledger);
    expressOnly = await createApp(ledger);
    await expressOnly.listen(0, '127.0.0.1');
    expressOnlyUrl = `http://127.0.0.1:${(expressOnly.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await server?.close();
    await expressOnly?.close();
    await ledger?.close();
  });

  const cases: [string, string, string | Buffer, Record<string, string>?, string?][] = [
    ['a query with a key', '/graphql', HEALTH],
    ['a query without a key', '/graphql', HEALTH, {}],
    ['charset=utf-8', '/graphql', HEALTH, { 'content-type': 'application/json; charset=utf-8' }],
    ['a byte-order mark', '/graphql', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEALTH)])],
    ['JSON cut short', '/graphql', '{"query": '],
    ['an empty body', '/graphql', ''],
    ['a JSON string', '/graphql', '"{ health { storeKind } }"'],
    ['a JSON array (batching is off)', '/graphql', `[${HEALTH}]`],
    ['an unknown field', '/graphql', JSON.stringify({ query: '{ nope }' })],
    ['a variable of the wrong type', '/graphql', JSON.stringify({ query: 'query ($b: Boolean!) { __typename @include(if: $b) }', variables: { b: 'x' } })],
    ['latin1', '/graphql', HEALTH, { 'content-type': 'application/json; charset=latin1' }],
    ['text/plain (CSRF)', '/graphql', HEALTH, { 'content-type': 'text/plain' }],
    ['gzip', '/graphql', gzipSync(HEALTH), { 'content-encoding': 'gzip' }],
    ['over 2 MB', '/graphql', JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(2_200_000) } })],
    ['a query string', '/graphql?x=1', HEALTH],
    ['another path', '/other', HEALTH],
    ['GET', '/graphql?query=%7B__typename%7D', '', { 'apollo-require-preflight': 'true' }, 'GET'],
  ];

  it.each(cases)('answers %s exactly as the Express stack does', async (_name, path, body, headers, method) => {
    const sent = { ...(headers ?? admin) };
    const direct = await post(server.url, path, body, sent, method);
    const viaExpress = await post(expressOnlyUrl, path, body, sent, method);
    expect(direct).toEqual(viaExpress);
  });

  it('leaves to Express only what is not a plain JSON POST to /graphql', async () => {
    const express = server.app.getHttpAdapter().getInstance() as { handle: (...args: unknown[]) => void };
    const handle = vi.spyOn(express, 'handle');
    try {
      await post(server.url, '/graphql', HEALTH, admin);
      await post(server.url, '/graphql', '{"query": ', admin);
      expect(handle).not.toHaveBeenCalled();
      await post(server.url, '/graphql', gzipSync(HEALTH), { ...admin, 'content-encoding': 'gzip' });
      await post(server.url, '/graphql?x=1', HEALTH, admin);
      expect(handle).toHaveBeenCalledTimes(2);
    } finally {
      handle.mockRestore();
    }
  });

  it('answers a query with its data', async () => {
    const reply = await post(server.url, '/graphql', HEALTH, admin);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ data: { health: { storeKind: 'pglite', headPosition: 0 } } });
  });
  it('answers a request the schema refuses with its own code and message, and reports no internal error', async () => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const unknownField = JSON.parse((await post(server.url, '/graphql', JSON.stringify({ query: '{ nope }' }), admin)).body);
      expect(unknownField.errors[0]).toMatchObject({ message: expect.stringContaining('"nope"'), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      const query = 'query ($p: String!, $id: ID!) { eligibility(phone: $p, campaignId: $id, processorId: $id) { eligible } }';
      const wrongType = JSON.stringify({ query, variables: { p: 5, id: '3e9c4d6b-8f5a-4b1c-8d4e-000000000001' } });
      const badVariable = JSON.parse((await post(server.url, '/graphql', wrongType, admin)).body);
      expect(badVariable.errors[0]).toMatchObject({ message: expect.stringContaining('$p'), extensions: { code: 'BAD_USER_INPUT' } });
      expect(reported).not.toHaveBeenCalled();
    } finally {
      reported.mockRestore();
    }
  });
});
