import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { sharedPb, streamIdentifier, streamName, streamsPb, type ReadReq, type ReadResp } from './protocol';
import type { LogRecord, StandInLog } from './stand-in-log';

type ReadOptions = InstanceType<typeof streamsPb.ReadReq.Options>;
type FilterOptions = InstanceType<typeof streamsPb.ReadReq.Options.FilterOptions>;
type Call = ServerWritableStream<ReadReq, ReadResp>;

const FORWARDS = 0;
/** The server's default search window of a filtered read when the client gives none. */
const DEFAULT_SEARCH_WINDOW = 32;

/**
 * Streams.Read (server streaming) in its four forms: a stream read, an $all read, and the
 * subscription form of each (catch up from a position, then follow new events live).
 */
export function readHandler(log: StandInLog, subscriptions: Set<() => void>) {
  return (call: Call) => {
    const options = call.request.getOptions();
    if (!options) {
      call.emit('error', { code: status.INVALID_ARGUMENT, details: 'Read options missing' });
      return;
    }
    if (options.hasSubscription()) subscribe(log, call, options, subscriptions);
    else if (options.hasStream()) readStream(log, call, options);
    else readAll(log, call, options);
  };
}

function readStream(log: StandInLog, call: Call, options: ReadOptions): void {
  const streamOptions = options.getStream()!;
  const streamId = streamName(streamOptions.getStreamIdentifier());
  const records = log.streamRecords(streamId);
  if (!records?.length) {
    const notFound = new streamsPb.ReadResp.StreamNotFound();
    notFound.setStreamIdentifier(streamIdentifier(streamId));
    const response = new streamsPb.ReadResp();
    response.setStreamNotFound(notFound);
    call.write(response);
    call.end();
    return;
  }
  const forwards = options.getReadDirection() === FORWARDS;
  const last = records.length - 1;
  let from: number;
  if (streamOptions.hasStart()) from = forwards ? 0 : -1;
  else if (streamOptions.hasEnd()) from = forwards ? records.length : last;
  else from = Math.min(Number(BigInt(streamOptions.getRevision())), forwards ? records.length : last);
  const selected = forwards ? records.slice(from) : records.slice(0, from + 1).reverse();
  writeAll(call, selected.slice(0, count(options)), false);
  call.end();
}

function readAll(log: StandInLog, call: Call, options: ReadOptions): void {
  const allOptions = options.getAll()!;
  const records = log.allRecords();
  const forwards = options.getReadDirection() === FORWARDS;
  let selected: readonly LogRecord[];
  if (allOptions.hasStart()) selected = forwards ? records : [];
  else if (allOptions.hasEnd()) selected = forwards ? [] : [...records].reverse();
  else {
    const position = BigInt(allOptions.getPosition()!.getCommitPosition());
    // Forwards from a position includes the event there; backwards returns what lies before it.
    selected = forwards
      ? records.filter((record) => record.position >= position)
      : records.filter((record) => record.position < position).reverse();
  }
  const matches = filterOf(options);
  writeAll(call, selected.filter(matches).slice(0, count(options)), true);
  call.end();
}

function subscribe(log: StandInLog, call: Call, options: ReadOptions, subscriptions: Set<() => void>): void {
  const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
  confirmation.setSubscriptionId(randomUUID());
  const confirm = new streamsPb.ReadResp();
  confirm.setConfirmation(confirmation);
  call.write(confirm);

  const scope = subscriptionScope(options);
  const checkpoints = checkpointer(call, options);
  const deliver = (record: LogRecord) => {
    if (!scope.inScope(record)) return;
    if (scope.matches(record)) call.write(eventResponse(record, scope.isAll));
    checkpoints.scanned(record);
  };
  // Catch-up and the switch to live happen in one turn of the event loop: no append can slip between.
  const history = scope.isAll ? log.allRecords() : (log.streamRecords(scope.streamId) ?? []);
  for (const record of history) if (scope.isAfterStart(record)) deliver(record);
  const caughtUp = new streamsPb.ReadResp();
  caughtUp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
  call.write(caughtUp);
  const stopDelivering = log.onRecord(deliver);
  // What the server does to a subscription it gives up on (leader change, a consumer too slow).
  const drop = () => call.emit('error', { code: status.UNAVAILABLE, details: 'Subscription dropped by the server' });
  subscriptions.add(drop);
  const unsubscribe = () => {
    stopDelivering();
    subscriptions.delete(drop);
  };
  call.on('cancelled', unsubscribe);
  call.on('close', unsubscribe);
  call.on('error', unsubscribe);
}

interface SubscriptionScope {
  isAll: boolean;
  streamId: string;
  inScope(record: LogRecord): boolean;
  /** During catch-up: whether the record lies after the starting point (which is exclusive). */
  isAfterStart(record: LogRecord): boolean;
  matches(record: LogRecord): boolean;
}

function subscriptionScope(options: ReadOptions): SubscriptionScope {
  if (options.hasAll()) {
    const all = options.getAll()!;
    const after = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : -1n;
    return {
      isAll: true,
      streamId: '$all',
      inScope: () => true,
      isAfterStart: (record) => !all.hasEnd() && record.position > after,
      matches: filterOf(options),
    };
  }
  const stream = options.getStream()!;
  const streamId = streamName(stream.getStreamIdentifier());
  const after = stream.hasRevision() ? BigInt(stream.getRevision()) : -1n;
  return {
    isAll: false,
    streamId,
    inScope: (record) => record.streamId === streamId,
    isAfterStart: (record) => !stream.hasEnd() && record.revision > after,
    matches: () => true,
  };
}

function checkpointer(call: Call, options: ReadOptions) {
  if (!options.hasFilter()) return { scanned: (_record: LogRecord) => undefined };
  const filter = options.getFilter()!;
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  const interval = window * Math.max(1, filter.getCheckpointintervalmultiplier());
  let scanned = 0;
  return {
    scanned(record: LogRecord) {
      scanned += 1;
      if (scanned % interval !== 0) return;
      const checkpoint = new streamsPb.ReadResp.Checkpoint();
      checkpoint.setCommitPosition(record.position.toString());
      checkpoint.setPreparePosition(record.position.toString());
      const response = new streamsPb.ReadResp();
      response.setCheckpoint(checkpoint);
      call.write(response);
    },
  };
}

/** The server-side filter of an $all read: by event type or stream name, a regex or prefixes. */
function filterOf(options: ReadOptions): (record: LogRecord) => boolean {
  if (!options.hasFilter()) return () => true;
  const filter: FilterOptions = options.getFilter()!;
  const onType = filter.hasEventType();
  const expression = onType ? filter.getEventType()! : filter.getStreamIdentifier()!;
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : null;
  const prefixes = expression.getPrefixList();
  return (record) => {
    const value = onType ? record.type : record.streamId;
    if (regex) return regex.test(value);
    return prefixes.some((prefix) => value.startsWith(prefix));
  };
}

function count(options: ReadOptions): number {
  return options.hasCount() ? Number(BigInt(options.getCount())) : Number.MAX_SAFE_INTEGER;
}

function writeAll(call: Call, records: readonly LogRecord[], fromAll: boolean): void {
  for (const record of records) call.write(eventResponse(record, fromAll));
}

function eventResponse(record: LogRecord, fromAll: boolean): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  const id = new sharedPb.UUID();
  id.setString(record.eventId);
  recorded.setId(id);
  recorded.setStreamIdentifier(streamIdentifier(record.streamId));
  recorded.setStreamRevision(record.revision.toString());
  recorded.setCommitPosition(record.position.toString());
  recorded.setPreparePosition(record.position.toString());
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', record.contentType);
  metadata.set('created', record.createdTicks.toString());
  recorded.setData(record.data);
  recorded.setCustomMetadata(record.customMetadata);
  const readEvent = new streamsPb.ReadResp.ReadEvent();
  readEvent.setEvent(recorded);
  if (fromAll) readEvent.setCommitPosition(record.position.toString());
  else readEvent.setNoPosition(new sharedPb.Empty());
  const response = new streamsPb.ReadResp();
  response.setEvent(readEvent);
  return response;
}
