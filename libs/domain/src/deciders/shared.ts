import { DomainError } from '../errors';
import type { DecidedEvent, DomainEvent } from '../events/catalogue';
import type { Instant } from '../values';

/** What a decider knows of the world besides the command and the stream: the time. */
export interface DecideContext {
  now: Date;
}

/** Every command may say when the fact happened in the world; the event's `occurredAt` defaults to now. */
export interface CommandTiming {
  occurredAt?: Instant | null;
}

export interface Decider<Command, State, Event extends DomainEvent, Context extends DecideContext = DecideContext> {
  decide(command: Command, state: State, context: Context): DecidedEvent<Event>[];
  evolve(state: State, event: Event): State;
  initialState: State;
}

/** How far `occurredAt` may run ahead of the ledger's clock (clock skew of the sources). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Checks an ISO instant and returns it normalised; refuses a malformed one, naming the field. */
export function instant(value: string, field: string): Instant {
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
    throw new DomainError('INVALID_FIELD', `${field} must be an ISO-8601 date and time`, field);
  }
  return new Date(time).toISOString();
}

export function calendarDate(value: string, field: string): string {
  // Date.parse rolls 2026-02-30 over to 2 March: a real day reads back as itself.
  const time = Date.parse(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    throw new DomainError('INVALID_FIELD', `${field} must be a date YYYY-MM-DD`, field);
  }
  return value;
}

/** The event's occurredAt: the command's (not in the future) or now. */
export function occurredAt(command: CommandTiming, context: DecideContext, field = 'occurredAt'): Instant {
  if (command.occurredAt === undefined || command.occurredAt === null) return context.now.toISOString();
  const at = instant(command.occurredAt, field);
  if (Date.parse(at) > context.now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError('OCCURRED_IN_FUTURE', `${field} ${at} is in the future`, field);
  }
  return at;
}

export function requireText(value: string | null | undefined, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('INVALID_FIELD', `${field} is required and may not be empty`, field);
  }
  return value.trim();
}

export function optionalText(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function requireNonNegativeInteger(value: number | null | undefined, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new DomainError('INVALID_FIELD', `${field} must be a whole number, 0 or more`, field);
  }
  return value;
}

export function requireNonEmptyList<T>(value: readonly T[] | null | undefined, field: string): T[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new DomainError('INVALID_FIELD', `${field} must list at least one item`, field);
  }
  return [...value];
}

export function requireBefore(earlier: Instant, later: Instant, earlierField: string, laterField: string): void {
  if (Date.parse(later) <= Date.parse(earlier)) {
    throw new DomainError('INVALID_FIELD', `${laterField} must be after ${earlierField}`, laterField);
  }
}

const PHONE_HASH = /^[0-9a-f]{64}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const COUNTRY = /^[A-Z]{2}$/;

export function requirePhoneHash(value: string, field: string): string {
  if (typeof value !== 'string' || !PHONE_HASH.test(value)) {
    throw new DomainError('INVALID_FIELD', `${field} must be a keyed hash of the number (64 hex characters)`, field);
  }
  return value;
}

/** E.164: the application normalises numbers before deciding. The message never repeats the number. */
export function requireE164(value: string, field: string): string {
  if (typeof value !== 'string' || !E164.test(value)) {
    throw new DomainError('INVALID_FIELD', `${field} must be a phone number in E.164 form (+ and 7 to 15 digits)`, field);
  }
  return value;
}

export function requireCountry(value: string, field: string): string {
  if (typeof value !== 'string' || !COUNTRY.test(value)) {
    throw new DomainError('INVALID_FIELD', `${field} must be an ISO 3166-1 alpha-2 country code, e.g. BE`, field);
  }
  return value;
}

export function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) {
    throw new DomainError('INVALID_FIELD', `${field} must be one of ${allowed.join(', ')}`, field);
  }
  return value as T;
}

export function requireUuid(value: string, field: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) {
    throw new DomainError('INVALID_FIELD', `${field} must be a UUID`, field);
  }
  return value.toLowerCase();
}

/** Adds `occurredAt` to an event only when the command gave one (or a dated field stands for it). */
export function withOccurredAt<E extends DomainEvent>(event: E, at: Instant | null): DecidedEvent<E> {
  return at === null ? event : { ...event, occurredAt: at };
}

/** The command's occurredAt, checked, or null when it gave none. */
export function givenOccurredAt(command: CommandTiming, context: DecideContext): Instant | null {
  return command.occurredAt === undefined || command.occurredAt === null ? null : occurredAt(command, context);
}

/** A dated field of the command (a call's start, a breach's detection) that may not lie in the future. */
export function pastInstant(value: string, field: string, context: DecideContext): Instant {
  return occurredAt({ occurredAt: instant(value, field) }, context, field);
}

/** A plausible e-mail address; the message never repeats it. */
export function requireEmail(value: string, field: string): string {
  const email = requireText(value, field);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    throw new DomainError('INVALID_FIELD', `${field} must be an e-mail address`, field);
  }
  return email;
}

/** An IANA time zone the runtime knows (`Europe/Brussels`): calling hours are judged in it. */
export function requireTimeZone(value: string, field: string): string {
  const zone = requireText(value, field);
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new DomainError('INVALID_FIELD', `${field} must be an IANA time zone such as Europe/Brussels`, field);
  }
  return zone;
}
