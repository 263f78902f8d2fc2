/* eslint-disable @nx/enforce-module-boundaries -- schemas/events is the repository's data folder, not a project */
// The JSON Schemas of schemas/events, imported statically so they travel with a bundled build.
// A test checks this list against the folder: adding a schema file means adding it here.
import accessFulfilledV1 from '../../../../schemas/events/AccessFulfilled.v1.json';
import accessRequestedV1 from '../../../../schemas/events/AccessRequested.v1.json';
import agentTrainingRecordedV1 from '../../../../schemas/events/AgentTrainingRecorded.v1.json';
import balancingTestRecordedV1 from '../../../../schemas/events/BalancingTestRecorded.v1.json';
import breachDetectedV1 from '../../../../schemas/events/BreachDetected.v1.json';
import breachNotifiedV1 from '../../../../schemas/events/BreachNotified.v1.json';
import callAttemptedV1 from '../../../../schemas/events/CallAttempted.v1.json';
import callNoteRecordedV1 from '../../../../schemas/events/CallNoteRecorded.v1.json';
import callOutcomeRecordedV1 from '../../../../schemas/events/CallOutcomeRecorded.v1.json';
import campaignAmendedV1 from '../../../../schemas/events/CampaignAmended.v1.json';
import campaignDefinedV1 from '../../../../schemas/events/CampaignDefined.v1.json';
import campaignEndedV1 from '../../../../schemas/events/CampaignEnded.v1.json';
import campaignStartedV1 from '../../../../schemas/events/CampaignStarted.v1.json';
import complaintReceivedV1 from '../../../../schemas/events/ComplaintReceived.v1.json';
import consentGivenV1 from '../../../../schemas/events/ConsentGiven.v1.json';
import consentWithdrawnV1 from '../../../../schemas/events/ConsentWithdrawn.v1.json';
import contactDetailsRectifiedV1 from '../../../../schemas/events/ContactDetailsRectified.v1.json';
import contactRegisteredV1 from '../../../../schemas/events/ContactRegistered.v1.json';
import dataSharedWithProcessorV1 from '../../../../schemas/events/DataSharedWithProcessor.v1.json';
import dncScrubPerformedV1 from '../../../../schemas/events/DncScrubPerformed.v1.json';
import dncSnapshotImportedV1 from '../../../../schemas/events/DncSnapshotImported.v1.json';
import dpiaRecordedV1 from '../../../../schemas/events/DpiaRecorded.v1.json';
import emailSentV1 from '../../../../schemas/events/EmailSent.v1.json';
import erasureCompletedV1 from '../../../../schemas/events/ErasureCompleted.v1.json';
import erasureRequestedV1 from '../../../../schemas/events/ErasureRequested.v1.json';
import objectionRaisedV1 from '../../../../schemas/events/ObjectionRaised.v1.json';
import organisationProfileSetV1 from '../../../../schemas/events/OrganisationProfileSet.v1.json';
import privacyNoticeGivenV1 from '../../../../schemas/events/PrivacyNoticeGiven.v1.json';
import processorAgreementEndedV1 from '../../../../schemas/events/ProcessorAgreementEnded.v1.json';
import processorAgreementSignedV1 from '../../../../schemas/events/ProcessorAgreementSigned.v1.json';
import processorErasureConfirmedV1 from '../../../../schemas/events/ProcessorErasureConfirmed.v1.json';
import processorRegisteredV1 from '../../../../schemas/events/ProcessorRegistered.v1.json';
import purchaseRecordedV1 from '../../../../schemas/events/PurchaseRecorded.v1.json';
import recordingNoticeGivenV1 from '../../../../schemas/events/RecordingNoticeGiven.v1.json';
import recordingStartedV1 from '../../../../schemas/events/RecordingStarted.v1.json';
import transferSafeguardRecordedV1 from '../../../../schemas/events/TransferSafeguardRecorded.v1.json';
import common from '../../../../schemas/events/_common.json';
import sealed from '../../../../schemas/events/_sealed.json';

/** Shared definitions referenced by the event schemas. */
export const SHARED_SCHEMAS: readonly object[] = [common, sealed];

/** One schema per event type and version, by file name. */
export const EVENT_SCHEMA_FILES: Readonly<Record<string, object>> = {
  'AccessFulfilled.v1.json': accessFulfilledV1,
  'AccessRequested.v1.json': accessRequestedV1,
  'AgentTrainingRecorded.v1.json': agentTrainingRecordedV1,
  'BalancingTestRecorded.v1.json': balancingTestRecordedV1,
  'BreachDetected.v1.json': breachDetectedV1,
  'BreachNotified.v1.json': breachNotifiedV1,
  'CallAttempted.v1.json': callAttemptedV1,
  'CallNoteRecorded.v1.json': callNoteRecordedV1,
  'CallOutcomeRecorded.v1.json': callOutcomeRecordedV1,
  'CampaignAmended.v1.json': campaignAmendedV1,
  'CampaignDefined.v1.json': campaignDefinedV1,
  'CampaignEnded.v1.json': campaignEndedV1,
  'CampaignStarted.v1.json': campaignStartedV1,
  'ComplaintReceived.v1.json': complaintReceivedV1,
  'ConsentGiven.v1.json': consentGivenV1,
  'ConsentWithdrawn.v1.json': consentWithdrawnV1,
  'ContactDetailsRectified.v1.json': contactDetailsRectifiedV1,
  'ContactRegistered.v1.json': contactRegisteredV1,
  'DataSharedWithProcessor.v1.json': dataSharedWithProcessorV1,
  'DncScrubPerformed.v1.json': dncScrubPerformedV1,
  'DncSnapshotImported.v1.json': dncSnapshotImportedV1,
  'DpiaRecorded.v1.json': dpiaRecordedV1,
  'EmailSent.v1.json': emailSentV1,
  'ErasureCompleted.v1.json': erasureCompletedV1,
  'ErasureRequested.v1.json': erasureRequestedV1,
  'ObjectionRaised.v1.json': objectionRaisedV1,
  'OrganisationProfileSet.v1.json': organisationProfileSetV1,
  'PrivacyNoticeGiven.v1.json': privacyNoticeGivenV1,
  'ProcessorAgreementEnded.v1.json': processorAgreementEndedV1,
  'ProcessorAgreementSigned.v1.json': processorAgreementSignedV1,
  'ProcessorErasureConfirmed.v1.json': processorErasureConfirmedV1,
  'ProcessorRegistered.v1.json': processorRegisteredV1,
  'PurchaseRecorded.v1.json': purchaseRecordedV1,
  'RecordingNoticeGiven.v1.json': recordingNoticeGivenV1,
  'RecordingStarted.v1.json': recordingStartedV1,
  'TransferSafeguardRecorded.v1.json': transferSafeguardRecordedV1,
};
