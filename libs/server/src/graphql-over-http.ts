import type { IncomingHttpHeaders, IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { ApolloDriver } from '@nestjs/apollo';
import { BadRequestException, Logger, type INestApplication } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GRAPHQL_PATH, graphqlContext } from '@calltrail/api';

/** A call list of 10,000 numbers is about 200 kB of JSON; express's default limit is 100 kB. */
export const JSON_BODY_LIMIT = '2mb';
const JSON_BODY_LIMIT_BYTES = 2 * 1024 * 1024;
const PLAIN_JSON = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const DECIMAL = /^\d+$/;

/**
 * Lets the HTTP server hand a POST of plain JSON to the GraphQL path straight to Apollo, as
 * Apollo's own integrations do, instead of through Express, its router, body-parser and
 * @as-integrations/express5. Per single check that was ~25 kB of the ~145 kB allocated and ~9 of
 * the ~10 kB that survived two scavenges (Express re-prototypes every request and response), so
 * the young-generation pauses that made the p99 were twice as frequent and longer. Anything else
 * (another path or method, a query string, another content type or charset, a compressed, chunked
 * or too large body) goes to Express as before; a body that is not a JSON object or array is read
 * by Express's own JSON parser, so every answer, refusal included, is the one Express gives.
 */
export function serveGraphqlPostsDirectly(app: INestApplication): void {
  const apollo = app.get<GraphQLModule<ApolloDriver>>(GraphQLModule).graphQlAdapter.instance;
  const server = app.getHttpServer() as Server;
  const expressApp = app.getHttpAdapter().getInstance() as RequestListener;
  const direct: RequestListener = (req, res) => {
    if (!isPlainJsonPost(req)) return expressApp(req, res);
    answer(apollo, req, res).catch((error: unknown) => failed(res, error));
  };
  // Other listeners (Apollo's drain plugin counts requests per socket) stay as they are.
  const listeners = server.listeners('request');
  server.removeAllListeners('request');
  for (const listener of listeners) server.on('request', listener === expressApp ? direct : (listener as RequestListener));
}

function isPlainJsonPost(req: IncomingMessage): boolean {
  const { headers } = req;
  const length = headers['content-length'];
  return (
    req.method === 'POST' &&
    req.url === GRAPHQL_PATH &&
    PLAIN_JSON.test(headers['content-type'] ?? '') &&
    (headers['content-encoding'] ?? 'identity').toLowerCase() === 'identity' &&
    headers['transfer-encoding'] === undefined &&
    length !== undefined &&
    DECIMAL.test(length) &&
    Number(length) <= JSON_BODY_LIMIT_BYTES
  );
}

async function answer(apollo: ApolloServer, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const raw = await readBody(req);
  let body: unknown;
  try {
    body = parseObject(raw) ?? (await parseAsExpressDoes(raw, req.headers));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return send(res, 400, JSON.stringify(new BadRequestException(error.message).getResponse()));
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: '', body },
    context: async () => graphqlContext({ req }),
  });
  await writeResponse(res, response);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client closed the request before its body was read'));
    });
  });
}

/** The body when it is a JSON object or array (what body-parser's strict mode accepts), else null. */
function parseObject(raw: Buffer): unknown {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

type Middleware = (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
// express ships without type declarations here; of it only its JSON body parser is needed.
const express = createRequire(import.meta.url)('express') as { json(options: { limit: string }): Middleware };
const expressJson = express.json({ limit: JSON_BODY_LIMIT });

/** Everything else (an empty body, a byte-order mark, a syntax error): body-parser's own answer. */
function parseAsExpressDoes(raw: Buffer, headers: IncomingHttpHeaders): Promise<unknown> {
  const standIn = Object.assign(Readable.from([raw]), { headers, body: undefined as unknown });
  return new Promise((resolve, reject) => {
    const next = (error?: unknown) => (error ? reject(error) : resolve(standIn.body));
    expressJson(standIn, {}, next);
  });
}

async function writeResponse(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  res.statusCode = response.status ?? 200;
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (response.body.kind === 'complete') {
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function send(res: ServerResponse, status: number, json: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(json));
  res.end(json);
}

const logger = new Logger('GraphQL over HTTP');

/** As Nest answers an error outside GraphQL: a generic 500, the error in the log only. */
function failed(res: ServerResponse, error: unknown): void {
  logger.error(error instanceof Error ? error.message : String(error));
  if (res.headersSent) return void res.destroy();
  if (res.req.complete) send(res, 500, JSON.stringify({ statusCode: 500, message: 'Internal server error' }));
  else res.destroy();
}
