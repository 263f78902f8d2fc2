import { adequacyFor, EEA_COUNTRIES } from '../../rule-packs/adequacy';
import { type EvaluationContext, happenedBy } from '../context';
import { reason, type EligibilityReason } from '../reasons';
import { instantOf, sharedReasons, type SharedReasonsMemory } from '../shared';
import { ms } from '../time';
import type { AgreementFact, ProcessorEligibilityView, SafeguardFact } from '../views';

/** The instants of the processor's facts, parsed once per fact: they are read for every number of a batch, and per share. */
const fromInstants = new WeakMap<object, number>();
const untilInstants = new WeakMap<object, number>();

function inForce(fact: object, from: string, until: string | null, atMs: number, field: string): boolean {
  return (
    instantOf(fromInstants, fact, from, field) <= atMs && (until === null || instantOf(untilInstants, fact, until, field) > atMs)
  );
}

function agreementAt(processor: ProcessorEligibilityView, atMs: number): AgreementFact | null {
  return (
    processor.agreements.find((agreement) => inForce(agreement, agreement.signedAt, agreement.endsAt, atMs, 'processor.agreements')) ??
    null
  );
}

function safeguardsAt(processor: ProcessorEligibilityView, atMs: number): SafeguardFact[] {
  return processor.safeguards.filter((safeguard) => inForce(safeguard, safeguard.from, safeguard.until, atMs, 'processor.safeguards'));
}

/**
 * Whether data may go to the processor's country at that moment: the EEA, an adequacy decision in
 * force (for the US, only if the processor relies on it), or SCC/BCR in force for that country.
 */
function transferAllowed(processor: ProcessorEligibilityView, atMs: number): boolean {
  const country = processor.country.toUpperCase();
  if (EEA_COUNTRIES.has(country)) return true;
  const safeguards = safeguardsAt(processor, atMs).filter(
    (safeguard) => safeguard.destinationCountry.toUpperCase() === country,
  );
  const reliesOnAdequacy = safeguards.some((safeguard) => safeguard.kind === 'adequacy');
  if (adequacyFor(country, new Date(atMs), reliesOnAdequacy)) return true;
  return safeguards.some((safeguard) => safeguard.kind === 'scc' || safeguard.kind === 'bcr');
}

/** PROCESSOR_NO_AGREEMENT: the processor has no processor agreement in force (GDPR Art. 28; 001, 002). */
export function processorAgreement(ctx: EvaluationContext): EligibilityReason[] {
  return sharedReasons(agreementReasons, ctx.processor, ctx.baseline, ctx, processorAgreementOf);
}

const agreementReasons: SharedReasonsMemory = new WeakMap();

function processorAgreementOf(ctx: EvaluationContext): EligibilityReason[] {
  const { processor, atMs } = ctx;
  if (agreementAt(processor, atMs)) return [];
  const ended = processor.agreements.filter((agreement) => happenedBy(agreement.endsAt, atMs, 'processor.agreements.endsAt'));
  return [
    reason(
      'PROCESSOR_NO_AGREEMENT',
      ctx.baseline,
      ended.length > 0
        ? `Processor ${processor.processorId}'s agreement ended on ${ended.at(-1)!.endsAt}.`
        : `Processor ${processor.processorId} has no processor agreement.`,
      ended.flatMap((agreement) => agreement.eventIds),
    ),
  ];
}

/** TRANSFER_WITHOUT_SAFEGUARD: a third country without adequacy, and no SCC or BCR recorded (GDPR Art. 44–46; 001). */
export function transferSafeguard(ctx: EvaluationContext): EligibilityReason[] {
  return sharedReasons(transferReasons, ctx.processor, ctx.baseline, ctx, transferSafeguardOf);
}

const transferReasons: SharedReasonsMemory = new WeakMap();

function transferSafeguardOf(ctx: EvaluationContext): EligibilityReason[] {
  const { processor, atMs } = ctx;
  if (transferAllowed(processor, atMs)) return [];
  return [
    reason(
      'TRANSFER_WITHOUT_SAFEGUARD',
      ctx.baseline,
      `Processor ${processor.processorId} is in ${processor.country}, outside the EEA without an adequacy decision, and no SCC or BCR is recorded.`,
      processor.safeguards.flatMap((safeguard) => safeguard.eventIds),
    ),
  ];
}

/**
 * DATA_NOT_SHARED_WITH_PROCESSOR: the processor never lawfully received this contact's data — a share
 * counts when an agreement (and, abroad, a safeguard) was in force at the moment of the share (001, 004).
 */
export function dataShared(ctx: EvaluationContext): EligibilityReason[] {
  const { contact, processor, atMs } = ctx;
  if (!contact) return [];
  const received = processor.dataReceived[contact.contactId] ?? [];
  // Every share's instant is read (a malformed one is named), the agreement and transfer only until a lawful share is found.
  let lawful = false;
  for (const share of received) {
    const sharedMs = ms(share.at, 'processor.dataReceived.at');
    if (!lawful && sharedMs <= atMs) lawful = agreementAt(processor, sharedMs) !== null && transferAllowed(processor, sharedMs);
  }
  if (lawful) return [];
  const shares = received.filter((share) => ms(share.at, 'processor.dataReceived.at') <= atMs);
  return [
    reason(
      'DATA_NOT_SHARED_WITH_PROCESSOR',
      ctx.baseline,
      shares.length > 0
        ? `Processor ${processor.processorId} received this contact's data only without an agreement or transfer safeguard in force.`
        : `Processor ${processor.processorId} never received this contact's data.`,
      shares.flatMap((share) => share.eventIds),
    ),
  ];
}
