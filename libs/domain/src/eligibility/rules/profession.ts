import type { EvaluationContext } from '../context';
import { reason, type EligibilityReason } from '../reasons';

const normalise = (value: string) => value.trim().toLowerCase();

function matches(value: string | null, targets: readonly string[]): boolean {
  return value !== null && targets.some((target) => normalise(target) === normalise(value));
}

/** NOT_RELEVANT_TO_PROFESSION: B2B prospecting must relate to the contact's role or sector (000 §2, 004). */
export function relevantToProfession(ctx: EvaluationContext): EligibilityReason[] {
  const { contact, campaign } = ctx;
  if (!contact || campaign.audience !== 'B2B') return [];
  const { roles, sectors } = campaign.targetProfessions;
  const profession = contact.profession;
  const relevant =
    contact.audience === 'B2B' &&
    profession !== null &&
    (matches(profession.role, roles) || matches(profession.sector, sectors));
  if (relevant) return [];
  const why =
    contact.audience === 'B2C'
      ? 'The contact is a consumer'
      : profession === null
        ? 'The contact has no recorded professional role or sector'
        : "The contact's recorded role and sector are not among the campaign's targets";
  return [
    reason(
      'NOT_RELEVANT_TO_PROFESSION',
      ctx.baseline,
      `${why}; B2B campaign ${campaign.campaignId} targets roles [${roles.join(', ')}] and sectors [${sectors.join(', ')}].`,
      [...(profession?.eventIds ?? []), ...campaign.lifecycleEventIds],
    ),
  ];
}
