import { describe, expect, it } from 'vitest';
import type { ProcessorEvent } from '../../events/processor.events';
import { expectRefusal, given } from '../decider-testing';
import type { ProcessorCommand } from './processor.commands';
import { processorDecider } from './processor.decider';

const context = { now: new Date('2026-04-10T12:00:00.000Z') };
const processorId = 'b2d4f6a8-3c5e-4d7f-8a9b-1c3e5a7b9d0f';
const agreementId = '8c9d0e1f-2a3b-4c4d-9e5f-7a8b9c0d1e2f';
const shareId = '0e1f2a3b-4c5d-4e6f-9a7b-9c0d1e2f3a4b';
const contactId = '3f2b8c1e-7d4a-4e6b-9a1c-5e8f0d2b4a61';

const registered = processorDecider.decide(
  { type: 'RegisterProcessor', processorId, name: 'Appels Atlas SARL', role: 'call_centre', country: 'MA' },
  processorDecider.initialState,
  context,
) as ProcessorEvent[];
const signed: ProcessorEvent[] = [
  ...registered,
  { type: 'ProcessorAgreementSigned', data: { processorId, agreementId, validFrom: '2026-01-01', validUntil: null, documentRef: 'dpa' } },
];
const share: ProcessorCommand = {
  type: 'ShareDataWithProcessor',
  processorId,
  shareId,
  contactIds: [contactId, contactId],
  dataCategories: ['name', 'phone'],
};

describe('processor decider', () => {
  it('records data sent to a call centre in Morocco without safeguard: a fact for the audit (seed 001)', () => {
    expect(given(processorDecider, registered).when(share, context)).toEqual([
      {
        type: 'DataSharedWithProcessor',
        data: { processorId, shareId, contactIds: [contactId], dataCategories: ['name', 'phone'], destinationCountry: 'MA', campaignId: null },
      },
    ]);
  });

  it('records an SCC safeguard and ends an agreement', () => {
    const [safeguard] = given(processorDecider, signed).when(
      {
        type: 'RecordTransferSafeguard',
        processorId,
        safeguardId: shareId,
        kind: 'scc',
        destinationCountry: 'MA',
        validFrom: '2026-01-01',
        documentRef: 'scc.pdf',
      },
      context,
    );
    expect(safeguard).toMatchObject({ type: 'TransferSafeguardRecorded', data: { kind: 'scc', destinationCountry: 'MA', validUntil: null } });
    expect(given(processorDecider, signed).when({ type: 'EndProcessorAgreement', processorId, agreementId }, context)).toEqual([
      { type: 'ProcessorAgreementEnded', data: { processorId, agreementId, reason: null } },
    ]);
  });

  const cases: [string, ProcessorEvent[], ProcessorCommand, string, string][] = [
    ['a second registration', registered, { type: 'RegisterProcessor', processorId, name: 'X', role: 'call_centre', country: 'MA' }, 'STREAM_ALREADY_EXISTS', 'processorId'],
    ['a country that is not ISO', [], { type: 'RegisterProcessor', processorId, name: 'X', role: 'call_centre', country: 'Morocco' }, 'INVALID_FIELD', 'country'],
    ['an agreement with an unknown processor', [], { type: 'SignProcessorAgreement', processorId, agreementId, validFrom: '2026-01-01', documentRef: 'd' }, 'PROCESSOR_NOT_FOUND', 'processorId'],
    ['an agreement recorded twice', signed, { type: 'SignProcessorAgreement', processorId, agreementId, validFrom: '2026-01-01', documentRef: 'd' }, 'DUPLICATE_ID', 'agreementId'],
    ['an agreement ending before it starts', registered, { type: 'SignProcessorAgreement', processorId, agreementId, validFrom: '2026-01-01', validUntil: '2025-01-01', documentRef: 'd' }, 'INVALID_FIELD', 'validUntil'],
    ['ending an agreement never signed', registered, { type: 'EndProcessorAgreement', processorId, agreementId }, 'AGREEMENT_NOT_FOUND', 'agreementId'],
    ['ending an agreement twice', [...signed, { type: 'ProcessorAgreementEnded', data: { processorId, agreementId, reason: null } }], { type: 'EndProcessorAgreement', processorId, agreementId }, 'AGREEMENT_ALREADY_ENDED', 'agreementId'],
    ['a share without contacts', registered, { ...share, contactIds: [] } as ProcessorCommand, 'INVALID_FIELD', 'contactIds'],
    ['a share of an unknown data category', registered, { ...share, dataCategories: ['shoe_size' as never] } as ProcessorCommand, 'INVALID_FIELD', 'dataCategories[0]'],
    ['a training with a malformed date', registered, { type: 'RecordAgentTraining', processorId, agentId: 'a', course: 'c', completedOn: '15/01/2026' }, 'INVALID_FIELD', 'completedOn'],
  ];

  it.each(cases)('refuses %s', (_name, history, command, code, field) => {
    expectRefusal(given(processorDecider, history).refuses(command, context), code as never, field);
  });
});
