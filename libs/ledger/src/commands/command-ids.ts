import { createHash } from 'node:crypto';
import { CommandError } from './command-errors';

const COMMAND_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** The namespace of calltrail's event ids derived from a commandId (a fixed random UUID). */
const EVENT_ID_NAMESPACE = Buffer.from('6f1c2a7e93d44b5c8e0a5d2b7c41f9e3', 'hex');

export function checkCommandId(commandId: string): string {
  if (typeof commandId !== 'string' || !COMMAND_ID.test(commandId)) {
    throw new CommandError(
      'INVALID_COMMAND_ID',
      'commandId must be 1–128 letters, digits or . _ : - (a UUID is a good choice)',
      'commandId',
    );
  }
  return commandId;
}

/**
 * The id of the n-th event of a command: a UUID v5 (RFC 9562) of the commandId. A command retried
 * after a crash carries the same event ids, so the store's idempotent append never stores it twice.
 */
export function eventIdOf(commandId: string, index: number): string {
  const bytes = createHash('sha1').update(EVENT_ID_NAMESPACE).update(`${commandId}#${index}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
