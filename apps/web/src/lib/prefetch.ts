import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { apolloClient } from './apollo.js';
import { currentAccessToken } from './session.js';
import { rolesOf, ViewerQuery, type Roles } from './use-me.js';

/** One query a page will ask, with the variables it will ask it with. */
export interface PageQuery<TData = unknown, TVariables extends OperationVariables = OperationVariables> {
  query: TypedDocumentNode<TData, TVariables>;
  variables: TVariables;
  /**
   * `fresh`: asked of the server even when the cache has an answer, for a page that reads it from the
   * cache (`cache-first`) and counts on its loader for freshness: one request per visit instead of
   * the loader's and then the page's own `cache-and-network` one.
   */
  fresh?: boolean;
  /**
   * `uncached`: kept out of the normalised cache (a large answer no other page reads, whose writing and
   * reading back cost more than the page's render of it): the page takes the answer from what
   * `prefetchFor` returns.
   */
  uncached?: boolean;
}

/** A query for `pageQueries`, typed by its document. */
export function pageQuery<TData, TVariables extends OperationVariables>(
  query: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { fresh?: boolean; uncached?: boolean } = {},
): PageQuery {
  return { query, variables, ...options } as PageQuery;
}

/**
 * Starts a page's queries from its route's loader, before the page has rendered: as soon as the
 * session is known (the start-up refresh), in parallel with the page's code and with each other,
 * instead of one after another as the components mount (session → `me` → the page's record → what
 * depends on it). Only for a user the page is for (`allow`: the check its `RequireRole` makes, on
 * the same `me`, read from the cache when the app already has it), so a visitor it is not for sends
 * nothing more than before: not even a refused request naming what the page would have asked. The
 * answers land in the Apollo cache, where the page's own `useQuery` (same document, same variables)
 * finds them, or joins the request still in flight. Returns at once, with one promise per query of
 * its answer's data (what an `uncached` query's page takes), undefined when it was not asked or
 * failed: never a rejection, the page reports what went wrong.
 *
 * `besideRoleCheck`: the queries leave as soon as there is an access token, beside `me` instead of
 * after it (one round trip sooner on a cold open), for a page whose queries the API answers only for
 * the users the page is for (a need's own buyer): for anyone else they carry a refusal, never data,
 * and the page still shows "not allowed" (its `RequireRole` waits for `me`). An anonymous visitor
 * still sends nothing.
 */
export function prefetchFor(
  allow: (roles: Roles) => boolean,
  queries: PageQuery[],
  { besideRoleCheck = false }: { besideRoleCheck?: boolean } = {},
): Promise<unknown>[] {
  const client = apolloClient();
  const signedIn = currentAccessToken().then(Boolean, () => false);
  const allowed = (async () => {
    if (!(await signedIn)) return false;
    const viewer = client.readQuery({ query: ViewerQuery }) ?? (await client.query({ query: ViewerQuery })).data;
    return allow(rolesOf(viewer?.me ?? null));
  })().catch(() => false);
  return queries.map(({ query, variables, fresh, uncached }) =>
    (besideRoleCheck ? signedIn : allowed)
      .then((yes) =>
        yes
          ? client
              .query({ query, variables, fetchPolicy: uncached ? 'no-cache' : fresh ? 'network-only' : 'cache-first' })
              .then((r) => r.data)
          : undefined,
      )
      .catch(() => undefined),
  );
}
