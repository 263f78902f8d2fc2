import type { Actor } from '@calltrail/event-store';
import { AccessError } from './errors';

export const ROLES = ['admin', 'compliance', 'processor', 'dialer', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose keys act for one processor (call centre) only. */
export const PROCESSOR_BOUND_ROLES: readonly Role[] = ['processor', 'dialer'];

/**
 * What a key may do. Scoped permissions (marked below) also require that the processor the
 * request is about is the key's own processor, for processor-bound roles.
 */
export const PERMISSIONS = [
  'keys.manage',
  'health.read',
  'calls.record', // scoped: calls, outcomes, notes, privacy and recording notices
  'objections.record', // scoped
  'eligibility.check', // scoped
  'ledger.administer', // contacts, consents, campaigns, processors, registries, organisation, erasure
  'personal-data.read',
  'reports.read', // aggregates and reports without personal data
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['keys.manage', 'health.read'],
  compliance: [
    'health.read',
    'calls.record',
    'objections.record',
    'eligibility.check',
    'ledger.administer',
    'personal-data.read',
    'reports.read',
  ],
  processor: ['health.read', 'calls.record', 'objections.record', 'eligibility.check'],
  dialer: ['health.read', 'eligibility.check'],
  analyst: ['health.read', 'reports.read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(role: string): readonly Permission[] {
  return isRole(role) ? ROLE_PERMISSIONS[role] : [];
}

export interface AuthoriseScope {
  /** The processor the request acts for or about; checked against processor-bound keys. */
  processorId?: string | null;
}

/**
 * Throws FORBIDDEN unless the actor's role grants the permission and, for a processor-bound key,
 * the request is about the key's own processor.
 */
export function authorise(actor: Actor, permission: Permission, scope: AuthoriseScope = {}): void {
  if (!permissionsOf(actor.role).includes(permission)) {
    throw new AccessError('FORBIDDEN', `role ${actor.role} may not ${permission.replace('.', ' ')}`);
  }
  if (!PROCESSOR_BOUND_ROLES.includes(actor.role as Role) || scope.processorId === undefined) return;
  if (scope.processorId !== actor.processorId) {
    throw new AccessError(
      'FORBIDDEN',
      `key ${actor.keyId} acts for processor ${actor.processorId} only, not for ${scope.processorId ?? 'no processor'}`,
      'processorId',
    );
  }
}
