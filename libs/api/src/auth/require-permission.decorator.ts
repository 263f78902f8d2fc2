import { SetMetadata } from '@nestjs/common';
import type { Permission } from '@calltrail/ledger';

export const REQUIRED_PERMISSION = 'calltrail:required-permission';

/**
 * The permission a resolver needs; the roles that hold it are listed once, in
 * @calltrail/ledger's access/roles.ts. A resolver without this decorator is refused to everyone.
 */
export const RequirePermission = (permission: Permission) => SetMetadata(REQUIRED_PERMISSION, permission);
