import { describeHours, describeLocalTime, nextOpening } from '../calling-window';
import type { EvaluationContext } from '../context';
import type { CallingHours } from '../../rule-packs/rule-pack';
import { reason, type EligibilityReason } from '../reasons';

/**
 * OUTSIDE_CALLING_HOURS: mobile and private-usable lines only in working hours (default Mon–Fri
 * 09:00–18:00), FR consumers Mon–Fri 10:00–13:00 and 14:00–20:00; no public holidays (000 §3,
 * Décret 2022-1313). Lifts at the next opening.
 */
export function callingHours(ctx: EvaluationContext): EligibilityReason[] {
  const hours = ctx.hours;
  if (!hours || !ctx.contact) return [];
  const country = ctx.contact.country;
  const opening = nextOpening(ctx.atMs, ctx.zone, country, hours.value);
  if (opening === ctx.atMs) return [];
  return [
    reason('OUTSIDE_CALLING_HOURS', hours, outsideMessage(describeLocalTime(ctx.atMs, ctx.zone, country), hours.value), ctx.contact.registeredEventIds, opening),
  ];
}

/** The last message written: the numbers of a batch share their local time (one string, remembered) and hours. */
let lastMessage: { localTime: string; hours: CallingHours | null; message: string } = { localTime: '', hours: null, message: '' };

function outsideMessage(localTime: string, hours: CallingHours): string {
  if (lastMessage.localTime !== localTime || lastMessage.hours !== hours) {
    lastMessage = { localTime, hours, message: `${localTime} is outside the calling hours (${describeHours(hours)}).` };
  }
  return lastMessage.message;
}
