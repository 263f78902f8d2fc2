import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Actor } from '@calltrail/event-store';
import type { GraphqlContext } from './graphql-context';

/** The authenticated key behind the request, for authorisation scopes and event metadata. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<GraphqlContext>().actor;
  if (!actor) throw new Error('CurrentActor used on a resolver the guard did not authenticate');
  return actor;
});
