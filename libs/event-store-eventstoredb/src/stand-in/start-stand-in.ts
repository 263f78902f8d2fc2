/**
 * A STAND-IN for an EventStoreDB / KurrentDB node, for tests on machines that cannot run the
 * server. It is not EventStoreDB: it speaks the part of the server's gRPC protocol that
 * `@eventstore/db-client` uses for appends, reads and subscriptions (Streams.BatchAppend and
 * Streams.Append, Streams.Read in all its forms, ServerFeatures.GetSupportedMethods), built from the service
 * definitions the client package ships, keeps everything in memory, listens on 127.0.0.1 only and
 * without TLS. Its numbers say nothing about the server's performance.
 */
import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { appendHandler } from './append';
import { batchAppendHandler } from './batch-append';
import type { StandInFaults } from './faults';
import { featuresGrpc, featuresPb, streamsGrpc } from './protocol';
import { readHandler } from './read';
import { StandInLog } from './stand-in-log';

export interface EventStoreDbStandIn {
  /** A connection string for `@eventstore/db-client`: `esdb://127.0.0.1:<port>?tls=false`. */
  url: string;
  /** Ends every open subscription with UNAVAILABLE, as a server does on a leader change. */
  dropSubscriptions(): void;
  /** Writes the next append but fails its call with UNAVAILABLE: the client cannot know it landed. */
  loseNextAppendAck(): void;
  close(): Promise<void>;
}

/** The server version the stand-in reports, marked so that no one mistakes it for a server. */
export const STAND_IN_VERSION = '0.0.0-calltrail-stand-in';

export async function startEventStoreDbStandIn(): Promise<EventStoreDbStandIn> {
  const log = new StandInLog();
  writeSystemEvents(log);
  const subscriptions = new Set<() => void>();
  const faults: StandInFaults = { loseNextAppendAck: false };
  const server = new Server();
  // Only what is implemented is served; the client asks GetSupportedMethods and adapts.
  server.addService(streamsGrpc.StreamsService, {
    append: appendHandler(log, faults),
    batchAppend: batchAppendHandler(log, faults),
    read: readHandler(log, subscriptions),
  });
  server.addService(featuresGrpc.ServerFeaturesService, { getSupportedMethods });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    dropSubscriptions: () => [...subscriptions].forEach((drop) => drop()),
    loseNextAppendAck: () => {
      faults.loseNextAppendAck = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        // Open subscriptions never end on their own: cut them after a grace period.
        setTimeout(() => server.forceShutdown(), 200).unref();
      }),
  };
}

function getSupportedMethods(
  _call: ServerUnaryCall<unknown, unknown>,
  callback: sendUnaryData<InstanceType<typeof featuresPb.SupportedMethods>>,
): void {
  const methods = [
    ['event_store.client.streams.Streams', 'Read'],
    ['event_store.client.streams.Streams', 'Append'],
    ['event_store.client.streams.Streams', 'BatchAppend'],
    ['event_store.client.server_features.ServerFeatures', 'GetSupportedMethods'],
  ].map(([serviceName, methodName]) => {
    const method = new featuresPb.SupportedMethod();
    method.setServiceName(serviceName!.toLowerCase());
    method.setMethodName(methodName!.toLowerCase());
    return method;
  });
  const supported = new featuresPb.SupportedMethods();
  supported.setMethodsList(methods);
  supported.setEventStoreServerVersion(STAND_IN_VERSION);
  callback(null, supported);
}

/** A fresh server's log starts with system events ($-prefixed streams and types); so does this one. */
function writeSystemEvents(log: StandInLog): void {
  const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  const system = (streamId: string, type: string, data: unknown) =>
    log.append(streamId, 'any', [
      { eventId: randomUUID(), type, contentType: 'application/json', data: json(data), customMetadata: new Uint8Array() },
    ]);
  system('$users', '$User', { loginName: 'admin' });
  system('$user-admin', '$UserCreated', { loginName: 'admin', fullName: 'Event Store Administrator' });
  system('$$$scavenges', '$metadata', { $maxAge: 2_592_000 });
}
