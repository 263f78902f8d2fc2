import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CalltrailApiModule, GRAPHQL_PATH } from '@calltrail/api';
import { API_KEYS, DATABASE, EVENT_STORE, LEDGER_INFO, PII_VAULT } from '@calltrail/ledger';
import { JSON_BODY_LIMIT, serveGraphqlPostsDirectly } from './graphql-over-http';
import type { Ledger } from './open-ledger';

export interface RunningServer {
  app: INestApplication;
  /** e.g. http://127.0.0.1:4000/graphql */
  url: string;
  close(): Promise<void>;
}

/** The Nest application over an opened ledger, not yet listening (tests, schema printing). */
export async function createApp(ledger: Ledger): Promise<INestApplication> {
  const module = CalltrailApiModule.forRoot({
    ports: [
      { provide: EVENT_STORE, useValue: ledger.store },
      { provide: DATABASE, useValue: ledger.database },
      { provide: PII_VAULT, useValue: ledger.vault },
      { provide: API_KEYS, useValue: ledger.apiKeys },
      { provide: LEDGER_INFO, useValue: ledger.info },
    ],
  });
  const app = await NestFactory.create<NestExpressApplication>(module, { logger: ['error', 'warn'] });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  // Answers are POSTed and never revalidated: hashing each body for an ETag is wasted work.
  app.set('etag', false);
  // Nothing to advertise, and the GraphQL POSTs that bypass Express (serveGraphqlPostsDirectly) do not.
  app.disable('x-powered-by');
  return app;
}

/** Serves GraphQL on the configured loopback address; port 0 picks a free port. */
export async function startServer(ledger: Ledger): Promise<RunningServer> {
  const app = await createApp(ledger);
  await app.init();
  serveGraphqlPostsDirectly(app);
  await app.listen(ledger.config.port, ledger.config.host);
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://${ledger.config.host}:${address.port}${GRAPHQL_PATH}`,
    close: () => app.close(),
  };
}
