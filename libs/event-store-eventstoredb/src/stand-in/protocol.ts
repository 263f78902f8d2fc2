/**
 * The gRPC service definitions and message classes the stand-in serves, taken from the code
 * `@eventstore/db-client` ships (generated from the server's .proto files). They are CommonJS
 * modules that build their exports at run time, so they are loaded with `require`.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const generated = '@eventstore/db-client/generated';

export const streamsPb: typeof import('@eventstore/db-client/generated/streams_pb') = require(`${generated}/streams_pb`);
export const streamsGrpc: typeof import('@eventstore/db-client/generated/streams_grpc_pb') = require(
  `${generated}/streams_grpc_pb`,
);
export const sharedPb: typeof import('@eventstore/db-client/generated/shared_pb') = require(`${generated}/shared_pb`);
export const featuresPb: typeof import('@eventstore/db-client/generated/serverfeatures_pb') = require(
  `${generated}/serverfeatures_pb`,
);
export const featuresGrpc: typeof import('@eventstore/db-client/generated/serverfeatures_grpc_pb') = require(
  `${generated}/serverfeatures_grpc_pb`,
);

export type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
export type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
export type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
export type AppendResp = InstanceType<typeof streamsPb.AppendResp>;
export type Uuid = InstanceType<typeof sharedPb.UUID>;

/** A UUID message in either of its two wire forms, as a lower-case string. */
export function uuidToString(uuid: Uuid | undefined): string {
  if (!uuid) throw new Error('event id missing');
  if (uuid.hasString()) return uuid.getString().toLowerCase();
  const structured = uuid.getStructured()!;
  const bytes = Buffer.alloc(16);
  bytes.writeBigInt64BE(BigInt(structured.getMostSignificantBits()), 0);
  bytes.writeBigInt64BE(BigInt(structured.getLeastSignificantBits()), 8);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function streamIdentifier(streamId: string) {
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(streamId, 'utf8'));
  return identifier;
}

export function streamName(identifier: { getStreamName_asU8(): Uint8Array } | undefined): string {
  if (!identifier) throw new Error('stream identifier missing');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}
