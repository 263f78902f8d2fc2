import type { ExpectedVersion } from './port';

export type EventStoreErrorCode =
  | 'WRONG_EXPECTED_VERSION'
  | 'STREAM_NOT_FOUND'
  | 'DUPLICATE_EVENT_ID_CONFLICT'
  | 'INVALID_APPEND';

export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class WrongExpectedVersionError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    /** The stream's actual version, or 'no_stream' when it has no events. */
    readonly actual: number | 'no_stream',
  ) {
    super('WRONG_EXPECTED_VERSION', `Stream ${streamId}: expected version ${expected}, actual ${actual}`);
  }
}

export class StreamNotFoundError extends EventStoreError {
  constructor(readonly streamId: string) {
    super('STREAM_NOT_FOUND', `Stream ${streamId} has no events`);
  }
}

export class DuplicateEventIdConflictError extends EventStoreError {
  constructor(
    readonly eventId: string,
    readonly detail: string,
  ) {
    super('DUPLICATE_EVENT_ID_CONFLICT', `Event ${eventId} is already stored with different content: ${detail}`);
  }
}

/** An append the store refuses before touching storage: names the field and the rule it breaks. */
export class InvalidAppendError extends EventStoreError {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super('INVALID_APPEND', `${field} ${rule}`);
  }
}
