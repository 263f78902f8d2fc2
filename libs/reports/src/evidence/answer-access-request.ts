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
  answered: AccessRequestAnswer;
}

/** What identifies the dossier delivered, without holding it: a digest of its canonical JSON. */
export function dossierReference(dossier: ContactDossier): string {
  return `sha256:${createHash('sha256').update(canonicalJson(dossier)).digest('hex')}`;
}

/** The dossier of a contact, for keys that may read personal data (compliance); records nothing. */
export async function readContactDossier(deps: DossierDeps, actor: Actor, contactId: string): Promise<ContactDossier> {
  authorise(actor, 'personal-data.read');
  return contactDossier(deps, contactId);
}

/**
 * The dossier as the answer to an access request (compliance only): AccessFulfilled is recorded on
 * the contact's stream, naming the dossier by its digest. A refused fulfilment (unknown or closed
 * request) returns nothing.
 */
export async function answerContactDossier(
  deps: DossierDeps & { execute: ExecuteFulfilAccess },
  actor: Actor,
  contactId: string,
  request: { requestId: string; deliveredVia?: ReceiptChannel },
): Promise<ContactDossierAnswer> {
  const dossier = await readContactDossier(deps, actor, contactId);
  const deliveredVia = request.deliveredVia ?? 'email';
  const dossierRef = dossierReference(dossier);
  const fulfilment = await deps.execute({ type: 'FulfilAccess', contactId: dossier.contactId, requestId: request.requestId, deliveredVia, dossierRef });
  return { dossier, answered: { requestId: request.requestId, deliveredVia, dossierRef, fulfilment } };
}
