import type { Type } from '@nestjs/common';
import type { CommandType } from '@calltrail/domain';
import { commandFromInput, type CommandInput } from '@calltrail/ledger';
import * as call from './call/call-commands.inputs';
import { AmendCampaignInput, toAmendCampaign } from './campaign/amend-campaign.input';
import { DefineCampaignInput, toDefineCampaign } from './campaign/define-campaign.input';
import { EndCampaignInput, toEndCampaign } from './campaign/end-campaign.input';
import { RecordBalancingTestInput, toRecordBalancingTest } from './campaign/record-balancing-test.input';
import { RecordDncScrubInput, toRecordDncScrub } from './campaign/record-dnc-scrub.input';
import { RecordDpiaInput, toRecordDpia } from './campaign/record-dpia.input';
import { StartCampaignInput, toStartCampaign } from './campaign/start-campaign.input';
import * as contact from './contact/contact-commands.inputs';
import { RecordBreachDetectedInput, toRecordBreachDetected } from './organisation/record-breach-detected.input';
import { RecordBreachNotifiedInput, toRecordBreachNotified } from './organisation/record-breach-notified.input';
import { SetOrganisationProfileInput, toSetOrganisationProfile } from './organisation/set-organisation-profile.input';
import { EndProcessorAgreementInput, toEndProcessorAgreement } from './processor/end-processor-agreement.input';
import { RecordAgentTrainingInput, toRecordAgentTraining } from './processor/record-agent-training.input';
import { RecordTransferSafeguardInput, toRecordTransferSafeguard } from './processor/record-transfer-safeguard.input';
import { RegisterProcessorInput, toRegisterProcessor } from './processor/register-processor.input';
import { ShareDataWithProcessorInput, toShareDataWithProcessor } from './processor/share-data-with-processor.input';
import { SignProcessorAgreementInput, toSignProcessorAgreement } from './processor/sign-processor-agreement.input';

/** A mutation's input class and how a validated input becomes the command, as the resolver does it. */
export interface CommandInputClass {
  input: Type<object>;
  toCommand(input: object): CommandInput;
}

function asIs<T extends CommandType>(type: T, input: Type<object>): CommandInputClass {
  return { input, toCommand: (value) => commandFromInput(type, value) };
}

function converted<I extends object>(input: Type<I>, toCommand: (value: I) => CommandInput): CommandInputClass {
  return { input, toCommand: (value) => toCommand(value as I) };
}

/**
 * The input class of every command that has a mutation, for `calltrail import`: a line of an
 * import file is validated and converted exactly as the mutation's input. A DNC snapshot has its
 * own import (`calltrail import-dnc`, `importDncSnapshot`), so it is not listed.
 */
export const COMMAND_INPUT_CLASSES: Partial<Record<CommandType, CommandInputClass>> = {
  RegisterContact: asIs('RegisterContact', contact.RegisterContactInput),
  RectifyContactDetails: asIs('RectifyContactDetails', contact.RectifyContactDetailsInput),
  GiveConsent: asIs('GiveConsent', contact.GiveConsentInput),
  WithdrawConsent: asIs('WithdrawConsent', contact.WithdrawConsentInput),
  RecordPurchase: asIs('RecordPurchase', contact.RecordPurchaseInput),
  RaiseObjection: asIs('RaiseObjection', contact.RaiseObjectionInput),
  ReceiveComplaint: asIs('ReceiveComplaint', contact.ReceiveComplaintInput),
  RequestAccess: asIs('RequestAccess', contact.RequestAccessInput),
  FulfilAccess: asIs('FulfilAccess', contact.FulfilAccessInput),
  RequestErasure: asIs('RequestErasure', contact.RequestErasureInput),
  CompleteErasure: asIs('CompleteErasure', contact.CompleteErasureInput),
  ConfirmProcessorErasure: asIs('ConfirmProcessorErasure', contact.ConfirmProcessorErasureInput),
  RecordCallAttempt: asIs('RecordCallAttempt', call.RecordCallAttemptInput),
  GivePrivacyNotice: asIs('GivePrivacyNotice', call.GivePrivacyNoticeInput),
  GiveRecordingNotice: asIs('GiveRecordingNotice', call.GiveRecordingNoticeInput),
  StartRecording: asIs('StartRecording', call.StartRecordingInput),
  RecordCallOutcome: asIs('RecordCallOutcome', call.RecordCallOutcomeInput),
  RecordCallNote: asIs('RecordCallNote', call.RecordCallNoteInput),
  RecordEmailSent: asIs('RecordEmailSent', call.RecordEmailSentInput),
  DefineCampaign: converted(DefineCampaignInput, toDefineCampaign),
  AmendCampaign: converted(AmendCampaignInput, toAmendCampaign),
  RecordBalancingTest: converted(RecordBalancingTestInput, toRecordBalancingTest),
  RecordDpia: converted(RecordDpiaInput, toRecordDpia),
  StartCampaign: converted(StartCampaignInput, toStartCampaign),
  EndCampaign: converted(EndCampaignInput, toEndCampaign),
  RecordDncScrub: converted(RecordDncScrubInput, toRecordDncScrub),
  RegisterProcessor: converted(RegisterProcessorInput, toRegisterProcessor),
  SignProcessorAgreement: converted(SignProcessorAgreementInput, toSignProcessorAgreement),
  EndProcessorAgreement: converted(EndProcessorAgreementInput, toEndProcessorAgreement),
  RecordTransferSafeguard: converted(RecordTransferSafeguardInput, toRecordTransferSafeguard),
  ShareDataWithProcessor: converted(ShareDataWithProcessorInput, toShareDataWithProcessor),
  RecordAgentTraining: converted(RecordAgentTrainingInput, toRecordAgentTraining),
  SetOrganisationProfile: converted(SetOrganisationProfileInput, toSetOrganisationProfile),
  RecordBreachDetected: converted(RecordBreachDetectedInput, toRecordBreachDetected),
  RecordBreachNotified: converted(RecordBreachNotifiedInput, toRecordBreachNotified),
};
