import type { CommandType } from '@calltrail/domain';
import type { Actor } from '@calltrail/event-store';
import { authorise, type Permission } from '../access/roles';
import type { CommandInput } from './command-input';

/**
 * The permission each command needs. Scoped permissions (calls, objections) also bind a
 * processor key to its own processor: see `commandProcessor`.
 */
export const COMMAND_PERMISSION: Record<CommandType, Permission> = {
  RegisterContact: 'ledger.administer',
  RectifyContactDetails: 'ledger.administer',
  GiveConsent: 'ledger.administer',
  // A call centre hears "stop calling me" on the phone: it records that for itself.
  WithdrawConsent: 'objections.record',
  RecordPurchase: 'ledger.administer',
  RaiseObjection: 'objections.record',
  ReceiveComplaint: 'ledger.administer',
  RequestAccess: 'ledger.administer',
  FulfilAccess: 'ledger.administer',
  RequestErasure: 'ledger.administer',
  CompleteErasure: 'ledger.administer',
  ConfirmProcessorErasure: 'ledger.administer',
  RecordCallAttempt: 'calls.record',
  GivePrivacyNotice: 'calls.record',
  GiveRecordingNotice: 'calls.record',
  StartRecording: 'calls.record',
  RecordCallOutcome: 'calls.record',
  RecordCallNote: 'calls.record',
  RecordEmailSent: 'calls.record',
  DefineCampaign: 'ledger.administer',
  AmendCampaign: 'ledger.administer',
  RecordBalancingTest: 'ledger.administer',
  RecordDpia: 'ledger.administer',
  StartCampaign: 'ledger.administer',
  EndCampaign: 'ledger.administer',
  RecordDncScrub: 'ledger.administer',
  RegisterProcessor: 'ledger.administer',
  SignProcessorAgreement: 'ledger.administer',
  EndProcessorAgreement: 'ledger.administer',
  RecordTransferSafeguard: 'ledger.administer',
  ShareDataWithProcessor: 'ledger.administer',
  RecordAgentTraining: 'ledger.administer',
  ImportDncSnapshot: 'ledger.administer',
  SetOrganisationProfile: 'ledger.administer',
  RecordBreachDetected: 'ledger.administer',
  RecordBreachNotified: 'ledger.administer',
};

/** Commands on a call stream that name no processor: the call's own processor (from its stream) applies. */
const CALL_FOLLOW_UPS: readonly CommandType[] = [
  'GivePrivacyNotice',
  'GiveRecordingNotice',
  'StartRecording',
  'RecordCallOutcome',
  'RecordCallNote',
];

/**
 * The processor a command acts for, as far as the command itself says: the one that placed the
 * call or took the objection. `undefined` when the command is not about a processor, or when it
 * must be read from the call's stream (see `isCallFollowUp`).
 */
export function commandProcessor(command: CommandInput): string | null | undefined {
  switch (command.type) {
    case 'RecordCallAttempt':
    case 'RecordEmailSent':
      return lower(command.processorId);
    case 'RaiseObjection':
    case 'WithdrawConsent':
      return lower(command.receivedVia?.processorId ?? null);
    default:
      return undefined;
  }
}

export function isCallFollowUp(command: CommandInput): boolean {
  return CALL_FOLLOW_UPS.includes(command.type);
}

/** Throws FORBIDDEN unless the actor may send this command for the processor it names. */
export function authoriseCommand(actor: Actor, command: CommandInput): void {
  const permission = COMMAND_PERMISSION[command.type];
  const processorId = commandProcessor(command);
  authorise(caseless(actor), permission, processorId === undefined ? {} : { processorId });
}

/** For a call follow-up: the processor of the call, read from its stream, must be the key's own. */
export function authoriseOnCall(actor: Actor, command: CommandInput, callProcessorId: string | null): void {
  if (!isCallFollowUp(command) || callProcessorId === null) return;
  authorise(caseless(actor), COMMAND_PERMISSION[command.type], { processorId: callProcessorId });
}

/** Processor ids are UUIDs: a key bound to one in capitals acts for the same processor. */
function caseless(actor: Actor): Actor {
  return { ...actor, processorId: lower(actor.processorId) };
}

function lower(id: string | null | undefined): string | null {
  return typeof id === 'string' ? id.toLowerCase() : null;
}
