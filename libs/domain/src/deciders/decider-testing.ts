import { expect } from 'vitest';
import { DomainError, type DomainErrorCode } from '../errors';
import type { DecidedEvent, DomainEvent } from '../events/catalogue';
import type { DecideContext, Decider } from './shared';

/** Given past events, when a command is decided: the events it yields, or the error it throws. */
export function given<C, S, E extends DomainEvent, X extends DecideContext>(
  decider: Decider<C, S, E, X>,
  events: readonly E[],
) {
  const state = events.reduce(decider.evolve, decider.initialState);
  return {
    state,
    when(command: C, context: X): DecidedEvent<E>[] {
      return decider.decide(command, state, context);
    },
    refuses(command: C, context: X): DomainError {
      try {
        decider.decide(command, state, context);
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        return error as DomainError;
      }
      throw new Error(`expected ${JSON.stringify((command as { type?: string }).type)} to be refused`);
    },
  };
}

export function expectRefusal(error: DomainError, code: DomainErrorCode, field?: string): void {
  expect({ code: error.code, field: error.field }).toEqual({ code, field });
}

/** Drops the occurredAt a decider adds, to compare events alone. */
export const withoutTime = <E extends DomainEvent>(events: DecidedEvent<E>[]): E[] =>
  events.map(({ occurredAt: _at, ...event }) => event as unknown as E);
