import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AccessError, API_KEYS, authorise, type ApiKeys, type Permission } from '@calltrail/ledger';
import type { GraphqlContext } from './graphql-context';
import { REQUIRED_PERMISSION } from './require-permission.decorator';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Every GraphQL field is closed by default: the request must carry `Authorization: Bearer <key>`
 * and the key's role must hold the permission the resolver declares with @RequirePermission.
 * Processor scopes (a processor key acting for its own processor only) are checked by the
 * handlers, which know the processor a command is about.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly apiKeys: ApiKeys,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const graphql = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    graphql.actor ??= await this.apiKeys.authenticate(bearerKey(graphql.req.headers['authorization']));
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!permission) throw new AccessError('FORBIDDEN', 'this field declares no permission and is closed');
    authorise(graphql.actor, permission);
    return true;
  }
}

function bearerKey(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value ? BEARER.exec(value) : null;
  if (!match) throw new AccessError('UNAUTHENTICATED', 'send an API key as `Authorization: Bearer <key>`');
  return match[1]!;
}
