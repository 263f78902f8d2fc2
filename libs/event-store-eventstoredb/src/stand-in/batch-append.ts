import { status, type ServerDuplexStream } from '@grpc/grpc-js';
import { createRequire } from 'node:module';
import { toProposedRecord } from './append';
import { UNAVAILABLE_AFTER_WRITE, type StandInFaults } from './faults';
import { sharedPb, streamName, streamsPb, uuidToString } from './protocol';
import type { AppendOutcome, ExpectedRevision, ProposedRecord, StandInLog } from './stand-in-log';

type BatchAppendReq = InstanceType<typeof streamsPb.BatchAppendReq>;
type BatchAppendResp = InstanceType<typeof streamsPb.BatchAppendResp>;
type BatchOptions = InstanceType<typeof streamsPb.BatchAppendReq.Options>;

const require = createRequire(import.meta.url);
const statusPb: typeof import('@eventstore/db-client/generated/status_pb') = require(
  '@eventstore/db-client/generated/status_pb',
);
const anyPb: typeof import('google-protobuf/google/protobuf/any_pb') = require('google-protobuf/google/protobuf/any_pb');
const emptyPb: typeof import('google-protobuf/google/protobuf/empty_pb') = require('google-protobuf/google/protobuf/empty_pb');

/** google.rpc.Code.FAILED_PRECONDITION: the append's expectation does not hold. */
const FAILED_PRECONDITION = 9;

interface PendingBatch {
  streamId: string;
  expected: ExpectedRevision;
  records: ProposedRecord[];
}

/**
 * Streams.BatchAppend (bidirectional streaming): one long-lived call carries many appends, each
 * named by a correlation id. The first request of an append carries its options; its events may
 * span several requests; the one marked final triggers the append, answered on the response stream
 * with the same correlation id (an error travels as a google.rpc.Status with typed details).
 */
export function batchAppendHandler(log: StandInLog, faults: StandInFaults) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => {
    const pending = new Map<string, PendingBatch>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = uuidToString(request.getCorrelationId());
      try {
        let batch = pending.get(correlationId);
        if (!batch) {
          const options = request.getOptions();
          if (!options) throw new Error('The first request of an append must carry its options');
          batch = { streamId: streamName(options.getStreamIdentifier()), expected: expectedRevision(options), records: [] };
          pending.set(correlationId, batch);
        }
        batch.records.push(...request.getProposedMessagesList().map(toProposedRecord));
        if (!request.getIsFinal()) return;
        pending.delete(correlationId);
        const outcome = log.append(batch.streamId, batch.expected, batch.records);
        if (faults.loseNextAppendAck) {
          faults.loseNextAppendAck = false;
          call.emit('error', { code: status.UNAVAILABLE, details: UNAVAILABLE_AFTER_WRITE });
          return;
        }
        call.write(toResponse(request, batch, outcome));
      } catch (error) {
        pending.delete(correlationId);
        call.emit('error', { code: status.INVALID_ARGUMENT, details: (error as Error).message });
      }
    });
    call.on('end', () => call.end());
    call.on('error', () => undefined);
  };
}

function expectedRevision(options: BatchOptions): ExpectedRevision {
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  if (options.hasStreamPosition()) return BigInt(options.getStreamPosition());
  return 'any';
}

function toResponse(request: BatchAppendReq, batch: PendingBatch, outcome: AppendOutcome): BatchAppendResp {
  const response = new streamsPb.BatchAppendResp();
  response.setCorrelationId(request.getCorrelationId());
  const identifier = new sharedPb.StreamIdentifier();
  identifier.setStreamName(Buffer.from(batch.streamId, 'utf8'));
  response.setStreamIdentifier(identifier);
  if (batch.expected === 'no_stream') response.setNoStream(new emptyPb.Empty());
  else if (batch.expected === 'stream_exists') response.setStreamExists(new emptyPb.Empty());
  else if (batch.expected === 'any') response.setAny(new emptyPb.Empty());
  else response.setStreamPosition(batch.expected.toString());

  if (outcome.kind === 'wrong_expected_version') {
    response.setError(wrongExpectedVersionStatus(outcome.currentRevision, batch.expected));
    return response;
  }
  const success = new streamsPb.BatchAppendResp.Success();
  if (outcome.lastRevision < 0n) success.setNoStream(new emptyPb.Empty());
  else success.setCurrentRevision(outcome.lastRevision.toString());
  if (outcome.kind === 'written') {
    const position = new sharedPb.AllStreamPosition();
    position.setCommitPosition(outcome.lastPosition.toString());
    position.setPreparePosition(outcome.lastPosition.toString());
    success.setPosition(position);
  } else {
    success.setNoPosition(new emptyPb.Empty());
  }
  response.setSuccess(success);
  return response;
}

function wrongExpectedVersionStatus(current: bigint | null, expected: ExpectedRevision) {
  const details = new sharedPb.WrongExpectedVersion();
  if (current === null) details.setCurrentNoStream(new emptyPb.Empty());
  else details.setCurrentStreamRevision(current.toString());
  if (expected === 'no_stream') details.setExpectedNoStream(new emptyPb.Empty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new emptyPb.Empty());
  else if (expected === 'any') details.setExpectedAny(new emptyPb.Empty());
  else details.setExpectedStreamPosition(expected.toString());
  const packed = new anyPb.Any();
  packed.pack(details.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  const rpcStatus = new statusPb.Status();
  rpcStatus.setCode(FAILED_PRECONDITION);
  rpcStatus.setMessage('WrongExpectedVersion');
  rpcStatus.setDetails(packed);
  return rpcStatus;
}
