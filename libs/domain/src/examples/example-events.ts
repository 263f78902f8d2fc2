import type { EventOfType, EventType } from '../events/catalogue';

/**
 * One plausible event of every type (plaintext form), for documentation and tests. The typing
 * makes a new event type without an example a compile error. The people are fictitious.
 */
const contactId = '3f2b8c1e-7d4a-4e6b-9a1c-5e8f0d2b4a61';
const callId = '8a1d4f6b-2c3e-4a5b-8d7f-9e0a1b2c3d4e';
const campaignId = 'c4e6a8b0-1d3f-4b5d-9f7a-2c4e6a8b0d1f';
const processorId = 'b2d4f6a8-3c5e-4d7f-8a9b-1c3e5a7b9d0f';
const otherProcessorId = 'd9c8b7a6-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
const requestId = 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b';
const breachId = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const phoneHash = '5f0c2b9e8d7a6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b';

type Examples = { [T in EventType]: EventOfType<T> };

export const EXAMPLE_EVENTS: Examples = {
  ContactRegistered: {
    type: 'ContactRegistered',
    data: {
      contactId,
      audience: 'B2C',
      country: 'FR',
      timeZone: 'Europe/Paris',
      name: 'Mireille Fontanel',
      phones: [{ number: '+33612345678', phoneHash, lineType: 'mobile' }],
      emails: ['m.fontanel@example.fr'],
      company: null,
      jobTitle: null,
      profession: { role: null, sector: null },
      source: {
        kind: 'purchased_list',
        provider: 'Prospects Sud SARL',
        providerProcessorId: otherProcessorId,
        collectionMethod: 'opt-in on partner energy-saving quiz, 2025',
        reference: 'list-2026-03-herault.csv',
        obtainedAt: '2026-03-02T08:00:00.000Z',
      },
    },
  },
  ContactDetailsRectified: {
    type: 'ContactDetailsRectified',
    data: { contactId, emails: ['mireille.fontanel@example.fr'], requestedBySubject: true },
  },
  ConsentGiven: {
    type: 'ConsentGiven',
    data: {
      contactId,
      consentId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      purpose: 'marketing:heat-pumps',
      channels: ['phone', 'email'],
      campaignId: null,
      productCategory: 'heat-pumps',
      evidence: {
        method: 'double_opt_in',
        noticeVersion: 'consent-text-2026-01',
        givenAt: '2026-03-03T19:12:44.000Z',
        evidenceRef: 'optin-7781-confirmation',
      },
      expiresAt: null,
      receivedVia: { processorId: null, channel: 'web_form' },
    },
  },
  ConsentWithdrawn: {
    type: 'ConsentWithdrawn',
    data: { contactId, consentId: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', receivedVia: { processorId, channel: 'phone' } },
  },
  PurchaseRecorded: {
    type: 'PurchaseRecorded',
    data: {
      contactId,
      purchaseId: '1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e',
      productCategory: 'insulation',
      purchasedOn: '2024-05-14',
      contractEndsOn: null,
    },
  },
  ObjectionRaised: {
    type: 'ObjectionRaised',
    data: {
      contactId,
      objectionId: '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f',
      scope: 'direct_marketing',
      receivedVia: { processorId, channel: 'phone' },
      callId,
      campaignId,
      text: 'Ne plus jamais m’appeler.',
    },
  },
  ComplaintReceived: {
    type: 'ComplaintReceived',
    data: {
      contactId,
      complaintId: '3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f7a',
      subject: 'call_after_objection',
      receivedVia: { processorId: null, channel: 'letter' },
      callId: null,
      campaignId,
      viaSupervisoryAuthority: true,
      text: 'Called again by another call centre after I objected.',
    },
  },
  AccessRequested: {
    type: 'AccessRequested',
    data: { contactId, requestId, receivedVia: { processorId: null, channel: 'email' } },
  },
  AccessFulfilled: {
    type: 'AccessFulfilled',
    data: { contactId, requestId, deliveredVia: 'email', dossierRef: 'dossier-2026-04-11-001' },
  },
  ErasureRequested: {
    type: 'ErasureRequested',
    data: { contactId, requestId, ground: 'objection', receivedVia: { processorId: null, channel: 'letter' } },
  },
  ErasureCompleted: {
    type: 'ErasureCompleted',
    data: { contactId, requestId, keyId: `contact-key-${contactId}`, suppressedPhoneHashes: [phoneHash] },
  },
  ProcessorErasureConfirmed: {
    type: 'ProcessorErasureConfirmed',
    data: { contactId, requestId, processorId, evidenceRef: 'ticket-CC-A-5521' },
  },
  CallAttempted: {
    type: 'CallAttempted',
    data: {
      callId,
      contactId,
      campaignId,
      processorId,
      agentId: 'agent-117',
      presentedCallerId: '+33170000000',
      humanAgent: true,
      dialled: { phoneHash, lineType: 'mobile' },
      startedAt: '2026-04-02T09:15:00.000Z',
      rings: 4,
      result: 'answered',
      durationSeconds: 182,
    },
  },
  PrivacyNoticeGiven: {
    type: 'PrivacyNoticeGiven',
    data: { callId, contactId, noticeVersion: 'call-script-privacy-v3', dataSourceDisclosed: true, rightToObjectExplained: true },
  },
  RecordingNoticeGiven: {
    type: 'RecordingNoticeGiven',
    data: { callId, contactId, noticeVersion: 'recording-notice-v2' },
  },
  RecordingStarted: {
    type: 'RecordingStarted',
    data: { callId, contactId, recordingRef: 'rec/2026/04/02/8a1d4f6b.opus' },
  },
  CallOutcomeRecorded: {
    type: 'CallOutcomeRecorded',
    data: { callId, contactId, campaignId, outcome: 'callback_requested', callbackAt: '2026-04-09T16:00:00.000Z' },
  },
  CallNoteRecorded: {
    type: 'CallNoteRecorded',
    data: {
      callId,
      contactId,
      noteId: '4e5f6a7b-8c9d-4e0f-9a1b-3c4d5e6f7a8b',
      agentId: 'agent-117',
      text: 'Wants a quote for a heat pump; call back next week after 16:00.',
    },
  },
  EmailSent: {
    type: 'EmailSent',
    data: {
      callId: '5f6a7b8c-9d0e-4f1a-8b2c-4d5e6f7a8b9c',
      contactId,
      campaignId,
      processorId,
      recipient: 'm.fontanel@example.fr',
      senderIdentity: 'Thermique Atlantique SAS',
      unsubscribeLink: 'https://mail.example.com/unsubscribe/abc123',
      sourceDisclosed: true,
    },
  },
  CampaignDefined: {
    type: 'CampaignDefined',
    data: {
      campaignId,
      name: 'Heat pumps spring 2026',
      purpose: 'Offer heat pumps to home owners',
      legalBasis: 'legitimate_interest',
      audience: 'B2C',
      channel: 'phone',
      productCategory: 'heat-pumps',
      similarProductGroup: 'home-energy',
      jurisdictions: ['FR'],
      targetProfessions: { roles: [], sectors: [] },
      callingProfile: { maxRings: 6, retryAfterHours: 24 },
    },
  },
  CampaignAmended: {
    type: 'CampaignAmended',
    data: { campaignId, changes: { jurisdictions: ['FR', 'BE'] }, principlesChanged: true },
  },
  BalancingTestRecorded: {
    type: 'BalancingTestRecorded',
    data: {
      campaignId,
      testId: '6a7b8c9d-0e1f-4a2b-9c3d-5e6f7a8b9c0d',
      outcome: 'passed',
      assessedAt: '2026-03-01T10:00:00.000Z',
      validUntil: '2027-03-01T10:00:00.000Z',
      customerTermMonths: 36,
      documentRef: 'balancing-test-heat-pumps-2026.pdf',
      factors: {
        customerRelationship: {
          paymentObligation: 'At delivery of the installation',
          timeSinceLastPurchase: 'Up to 36 months',
          productsBoughtAndOffered: 'Insulation bought; heat pump offered (same home-energy group)',
          replacementCycleMonths: 180,
          averageContractMonths: null,
        },
        impact: {
          personalDataUsed: ['name', 'phone', 'purchase history'],
          startsWhen: '6 months after the purchase',
          frequency: 'At most once per quarter',
          safeguards: ['central objection list', 'DNC scrub before each campaign', 'no notes beyond the outcome'],
        },
        weighing: {
          organisationInterest: 'Repeat business from satisfied customers',
          conversionOverview: 'ctm-report-2026-02 (conversion by month since purchase)',
          objectionOverview: 'ctm-report-2026-02 (objections by month since purchase)',
          complaintOverview: 'ctm-report-2026-02 (complaints by month since purchase)',
        },
        justification: 'Objections overtake conversion after about 36 months; the term is set there.',
        dpoConsulted: true,
      },
    },
  },
  DpiaRecorded: {
    type: 'DpiaRecorded',
    data: {
      campaignId,
      dpiaId: '7b8c9d0e-1f2a-4b3c-8d4e-6f7a8b9c0d1e',
      outcome: 'acceptable_with_measures',
      assessedAt: '2026-02-20T10:00:00.000Z',
      documentRef: 'dpia-heat-pumps-2026.pdf',
      dpoConsulted: true,
      authorityConsulted: false,
    },
  },
  CampaignStarted: { type: 'CampaignStarted', data: { campaignId } },
  CampaignEnded: { type: 'CampaignEnded', data: { campaignId, reason: 'season over' } },
  DncScrubPerformed: {
    type: 'DncScrubPerformed',
    data: { campaignId, registry: 'FR_BLOCTEL', snapshotVersion: '2026-03-30', contactsChecked: 4200, numbersSuppressed: 612 },
  },
  ProcessorRegistered: {
    type: 'ProcessorRegistered',
    data: { processorId, name: 'Appels Atlas SARL', role: 'call_centre', country: 'MA' },
  },
  ProcessorAgreementSigned: {
    type: 'ProcessorAgreementSigned',
    data: {
      processorId,
      agreementId: '8c9d0e1f-2a3b-4c4d-9e5f-7a8b9c0d1e2f',
      validFrom: '2026-01-01',
      validUntil: null,
      documentRef: 'dpa-atlas-2026.pdf',
    },
  },
  ProcessorAgreementEnded: {
    type: 'ProcessorAgreementEnded',
    data: { processorId, agreementId: '8c9d0e1f-2a3b-4c4d-9e5f-7a8b9c0d1e2f', reason: 'contract terminated' },
  },
  TransferSafeguardRecorded: {
    type: 'TransferSafeguardRecorded',
    data: {
      processorId,
      safeguardId: '9d0e1f2a-3b4c-4d5e-8f6a-8b9c0d1e2f3a',
      kind: 'scc',
      destinationCountry: 'MA',
      validFrom: '2026-01-01',
      validUntil: null,
      documentRef: 'scc-2021-914-module-2-atlas.pdf',
    },
  },
  DataSharedWithProcessor: {
    type: 'DataSharedWithProcessor',
    data: {
      processorId,
      shareId: '0e1f2a3b-4c5d-4e6f-9a7b-9c0d1e2f3a4b',
      contactIds: [contactId],
      dataCategories: ['name', 'phone'],
      destinationCountry: 'MA',
      campaignId,
    },
  },
  AgentTrainingRecorded: {
    type: 'AgentTrainingRecorded',
    data: { processorId, agentId: 'agent-117', course: 'GDPR for call agents v4', completedOn: '2026-01-15', validUntil: '2027-01-15' },
  },
  DncSnapshotImported: {
    type: 'DncSnapshotImported',
    data: {
      registry: 'FR_BLOCTEL',
      version: '2026-03-30',
      takenAt: '2026-03-30T02:00:00.000Z',
      count: 1_250_000,
      digest: 'a3f1c2e4b5d6978812aa34bc56de78f90123456789abcdef0123456789abcdef',
    },
  },
  OrganisationProfileSet: {
    type: 'OrganisationProfileSet',
    data: {
      controller: {
        name: 'Thermique Atlantique SAS',
        address: '12 quai des Chartrons, 33000 Bordeaux',
        country: 'FR',
        email: 'contact@example.com',
        registrationNumber: 'RCS Bordeaux 123 456 789',
      },
      dpo: { name: 'DPO office', address: '12 quai des Chartrons, 33000 Bordeaux', country: 'FR', email: 'dpo@example.com' },
      representative: null,
      securityMeasures: ['per-person encryption of personal data', 'role-based API keys', 'tamper-evident event log'],
      retentionPolicy: { prospectMonths: 36, customerMonths: 60, recordingMonths: 6, documentRef: 'retention-policy-v2.pdf' },
      callerIds: ['+33170000000'],
    },
  },
  BreachDetected: {
    type: 'BreachDetected',
    data: {
      breachId,
      detectedAt: '2026-05-04T07:30:00.000Z',
      nature: 'Call list export sent to a wrong recipient',
      dataCategories: ['name', 'phone'],
      approximateSubjects: 320,
      processorId,
    },
  },
  BreachNotified: {
    type: 'BreachNotified',
    data: { breachId, authority: 'CNIL', notifiedAt: '2026-05-05T15:00:00.000Z', reference: 'CNIL-2026-0042', subjectsInformed: false },
  },
};
