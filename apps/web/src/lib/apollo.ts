import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { currentAccessToken, session } from './session.js';

/**
 * One Apollo Client with a normalised cache (objects keyed by their schema `id`). Public operations
 * (`context: { public: true }`) do not wait for the start-up session refresh; the others carry
 * the in-memory access token, refreshed first when it is about to expire.
 */
let shared: ApolloClient | undefined;

/**
 * The app's one client, shared by the React tree (AppProvider) and the routes' loaders, which start a
 * page's queries before its code has rendered (`lib/prefetch.ts`).
 */
export function apolloClient(): ApolloClient {
  shared ??= createApolloClient();
  return shared;
}

export function createApolloClient(): ApolloClient {
  const auth = new SetContextLink(async (context) => {
    const isPublic = (context as { public?: boolean }).public === true;
    const token = isPublic && session.get().status === 'unknown' ? undefined : await currentAccessToken();
    const headers = { ...(context.headers as Record<string, string> | undefined) };
    if (token) headers.authorization = `Bearer ${token}`;
    return { headers };
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, new HttpLink({ uri: '/graphql', credentials: 'same-origin' })]),
    cache: new InMemoryCache({
      typePolicies: {
        // Taxonomy references are values of their parent, not entities of their own.
        TaxonomyRef: { keyFields: false },
        Query: { fields: { searchSuppliers: { keyArgs: ['input'] } } },
      },
    }),
  });
}
