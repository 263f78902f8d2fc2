import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import {
  sharedPb,
  streamName,
  streamsPb,
  uuidToString,
  type AppendReq,
  type AppendResp,
} from './protocol';
import { UNAVAILABLE_AFTER_WRITE, type StandInFaults } from './faults';
import type { AppendOutcome, ExpectedRevision, ProposedRecord, StandInLog } from './stand-in-log';

type AppendOptions = InstanceType<typeof streamsPb.AppendReq.Options>;

/**
 * Streams.Append (client streaming): the first message carries the options (stream and expected
 * revision), every following one a proposed event. The append happens when the client ends the
 * request stream, all events at once, as on the server.
 */
export function appendHandler(log: StandInLog, faults: StandInFaults) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>) => {
    let options: AppendOptions | undefined;
    const proposed: ProposedRecord[] = [];
    let invalid: Error | undefined;
    call.on('data', (request: AppendReq) => {
      try {
        if (request.hasOptions()) options = request.getOptions();
        else if (request.hasProposedMessage()) proposed.push(toProposedRecord(request.getProposedMessage()!));
      } catch (error) {
        invalid ??= error as Error;
      }
    });
    call.on('error', () => undefined);
    call.on('end', () => {
      if (!options || invalid) {
        const details = invalid?.message ?? 'The first append message must carry the options';
        callback({ code: status.INVALID_ARGUMENT, details });
        return;
      }
      try {
        const streamId = streamName(options.getStreamIdentifier());
        const expected = expectedRevision(options);
        const outcome = log.append(streamId, expected, proposed);
        if (faults.loseNextAppendAck) {
          faults.loseNextAppendAck = false;
          callback({ code: status.UNAVAILABLE, details: UNAVAILABLE_AFTER_WRITE });
          return;
        }
        callback(null, toAppendResp(outcome, expected));
      } catch (error) {
        callback({ code: status.INVALID_ARGUMENT, details: (error as Error).message });
      }
    });
  };
}

/** A proposed event of Append or BatchAppend (the two messages have the same fields). */
export function toProposedRecord(
  message: InstanceType<typeof streamsPb.AppendReq.ProposedMessage | typeof streamsPb.BatchAppendReq.ProposedMessage>,
): ProposedRecord {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (!type) throw new Error('Proposed event without a type');
  return {
    eventId: uuidToString(message.getId()),
    type,
    contentType: contentType ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function expectedRevision(options: AppendOptions): ExpectedRevision {
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  if (options.hasRevision()) return BigInt(options.getRevision());
  return 'any';
}

function toAppendResp(outcome: AppendOutcome, expected: ExpectedRevision): AppendResp {
  const response = new streamsPb.AppendResp();
  if (outcome.kind === 'wrong_expected_version') {
    response.setWrongExpectedVersion(wrongExpectedVersion(outcome.currentRevision, expected));
    return response;
  }
  const success = new streamsPb.AppendResp.Success();
  if (outcome.lastRevision < 0n) success.setNoStream(new sharedPb.Empty());
  else success.setCurrentRevision(outcome.lastRevision.toString());
  if (outcome.kind === 'written') {
    const position = new streamsPb.AppendResp.Position();
    position.setCommitPosition(outcome.lastPosition.toString());
    position.setPreparePosition(outcome.lastPosition.toString());
    success.setPosition(position);
  } else {
    // An idempotent append writes nothing: the server answers without a log position.
    success.setNoPosition(new sharedPb.Empty());
  }
  response.setSuccess(success);
  return response;
}

function wrongExpectedVersion(current: bigint | null, expected: ExpectedRevision) {
  const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
  if (current === null) wrong.setCurrentNoStream(new sharedPb.Empty());
  else wrong.setCurrentRevision(current.toString());
  if (expected === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
  else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new sharedPb.Empty());
  else if (expected === 'any') wrong.setExpectedAny(new sharedPb.Empty());
  else wrong.setExpectedRevision(expected.toString());
  return wrong;
}
