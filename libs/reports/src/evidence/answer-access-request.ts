import { createHash } from 'node:crypto';
import type { FulfilAccess, ReceiptChannel } from '@calltrail/domain';
import { canonicalJson, type Actor } from '@calltrail/event-store';
import { authorise, type CommandResult } from '@calltrail/ledger';
import { contactDossier, type DossierDeps } from './contact-dossier';
import type { ContactDossier } from './contact-dossier.types';

/** Sends a domain command through ExecuteDomainCommand (the command bus in the API, the pipeline in the CLI). */
export type ExecuteFulfilAccess = (command: FulfilAccess) => Promise<CommandResult>;

export interface AccessRequestAnswer {
  /** The access request answered. */
  requestId: string;
  deliveredVia: ReceiptChannel;
  /** `sha256:<hex>` of the dossier's canonical JSON: recorded in AccessFulfilled instead of its content. */
  dossierRef: string;
  /** The AccessFulfilled event stored. */
  fulfilment: CommandResult;
}

export interface ContactDossierAnswer {
  dossier: ContactDossier;
  /** Set when the dossier answered an access request. */
  answered: AccessRequestAnswer | null;
}

/** What identifies the dossier delivered, without holding it: a digest of its canonical JSON. */
export function dossierReference(dossier: ContactDossier): string {
  return `sha256:${createHash('sha256').update(canonicalJson(dossier)).digest('hex')}`;
}

/**
 * The dossier of a contact, for compliance keys only (`personal-data.read`). With an access request
 * id it is the answer to that request: AccessFulfilled is recorded on the contact's stream, naming
 * the dossier by its digest. A refused fulfilment (unknown or closed request) returns nothing.
 */
export async function answerContactDossier(
  deps: DossierDeps & { execute: ExecuteFulfilAccess },
  actor: Actor,
  contactId: string,
  request: { requestId: string; deliveredVia?: ReceiptChannel } | null = null,
): Promise<ContactDossierAnswer> {
  authorise(actor, 'personal-data.read');
  const dossier = await contactDossier(deps, contactId);
  if (!request) return { dossier, answered: null };
  const deliveredVia = request.deliveredVia ?? 'email';
  const dossierRef = dossierReference(dossier);
  const fulfilment = await deps.execute({ type: 'FulfilAccess', contactId: dossier.contactId, requestId: request.requestId, deliveredVia, dossierRef });
  return { dossier, answered: { requestId: request.requestId, deliveredVia, dossierRef, fulfilment } };
}
