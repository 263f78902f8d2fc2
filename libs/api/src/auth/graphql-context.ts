import type { Actor } from '@calltrail/event-store';

export interface GraphqlContext {
  req: { headers: Record<string, string | string[] | undefined> };
  /** Set by the API key guard once the request's key is authenticated. */
  actor?: Actor;
}

export function graphqlContext({ req }: { req: GraphqlContext['req'] }): GraphqlContext {
  return { req };
}
