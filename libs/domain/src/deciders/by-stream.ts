import type { DomainEvent } from '../events/catalogue';
import {
  callStreamId,
  campaignStreamId,
  contactStreamId,
  ORGANISATION_STREAM_ID,
  processorStreamId,
  registryStreamId,
  type StreamKind,
} from '../streams';
import type { CallCommand } from './call/call.commands';
import { callDecider } from './call/call.decider';
import type { CampaignCommand } from './campaign/campaign.commands';
import { campaignDecider } from './campaign/campaign.decider';
import type { ContactCommand } from './contact/contact.commands';
import { contactDecider } from './contact/contact.decider';
import type { OrganisationCommand } from './organisation/organisation.commands';
import { organisationDecider } from './organisation/organisation.decider';
import type { ProcessorCommand } from './processor/processor.commands';
import { processorDecider } from './processor/processor.decider';
import type { RegistryCommand } from './registry/registry.commands';
import { registryDecider } from './registry/registry.decider';
import type { Decider } from './shared';

export type DomainCommand =
  | ContactCommand
  | CallCommand
  | CampaignCommand
  | ProcessorCommand
  | RegistryCommand
  | OrganisationCommand;

export type CommandType = DomainCommand['type'];

/** The stream kind each command is decided on. Its keys are every command type. */
export const COMMAND_STREAM_KIND = {
  RegisterContact: 'contact',
  RectifyContactDetails: 'contact',
  GiveConsent: 'contact',
  WithdrawConsent: 'contact',
  RecordPurchase: 'contact',
  RaiseObjection: 'contact',
  ReceiveComplaint: 'contact',
  RequestAccess: 'contact',
  FulfilAccess: 'contact',
  RequestErasure: 'contact',
  CompleteErasure: 'contact',
  ConfirmProcessorErasure: 'contact',
  RecordCallAttempt: 'call',
  GivePrivacyNotice: 'call',
  GiveRecordingNotice: 'call',
  StartRecording: 'call',
  RecordCallOutcome: 'call',
  RecordCallNote: 'call',
  RecordEmailSent: 'call',
  DefineCampaign: 'campaign',
  AmendCampaign: 'campaign',
  RecordBalancingTest: 'campaign',
  RecordDpia: 'campaign',
  StartCampaign: 'campaign',
  EndCampaign: 'campaign',
  RecordDncScrub: 'campaign',
  RegisterProcessor: 'processor',
  SignProcessorAgreement: 'processor',
  EndProcessorAgreement: 'processor',
  RecordTransferSafeguard: 'processor',
  ShareDataWithProcessor: 'processor',
  RecordAgentTraining: 'processor',
  ImportDncSnapshot: 'registry',
  SetOrganisationProfile: 'organisation',
  RecordBreachDetected: 'organisation',
  RecordBreachNotified: 'organisation',
} as const satisfies Record<CommandType, StreamKind>;

export const COMMAND_TYPES = Object.keys(COMMAND_STREAM_KIND) as CommandType[];

/** The decider of each stream kind. */
export const DECIDERS = {
  contact: contactDecider,
  call: callDecider,
  campaign: campaignDecider,
  processor: processorDecider,
  registry: registryDecider,
  organisation: organisationDecider,
} as const;

/** The stream a command is decided on (throws a RangeError when its id is not a UUID). */
export function streamIdOfCommand(command: DomainCommand): string {
  const ids = command as { contactId?: string; callId?: string; campaignId?: string; processorId?: string };
  switch (COMMAND_STREAM_KIND[command.type]) {
    case 'contact':
      return contactStreamId(ids.contactId!);
    case 'call':
      return callStreamId(ids.callId!);
    case 'campaign':
      return campaignStreamId(ids.campaignId!);
    case 'processor':
      return processorStreamId(ids.processorId!);
    case 'registry':
      return registryStreamId((command as RegistryCommand).registry);
    case 'organisation':
      return ORGANISATION_STREAM_ID;
  }
}

/** Folds a stream's events into its state. */
export function foldEvents<S, E extends DomainEvent>(decider: Pick<Decider<unknown, S, E>, 'evolve' | 'initialState'>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState);
}
