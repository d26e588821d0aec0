import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { MatchSuppliersQuery as MatchData, MatchSuppliersQueryVariables } from '../../gql/graphql.js';
import { MatchSuppliersQuery } from './api/matches.js';

/**
 * The ranking the match view's loader asked (prefetch.ts), for the variables it asked it with. Set
 * synchronously by the loader, before the page renders, so the page never asks a second time while
 * the loader's request is on its way; taken once (a later re-rank to the same weights asks afresh).
 */
let offered: { key: string; data: Promise<MatchData | undefined> } | undefined;

const keyOf = (variables: MatchSuppliersQueryVariables) => JSON.stringify(variables);

/** For the loader: the answer to `variables`, or undefined when it did not ask (the page then asks). */
export function offerRanking(variables: MatchSuppliersQueryVariables, data: Promise<MatchData | undefined>): void {
  offered = { key: keyOf(variables), data };
}

function takeOffered(key: string): Promise<MatchData | undefined> | undefined {
  if (offered?.key !== key) return undefined;
  const { data } = offered;
  offered = undefined;
  return data;
}

interface Answer {
  key: string;
  data?: MatchData;
  error?: unknown;
}

/**
 * `matchSuppliers` for the match view, kept out of Apollo's normalised cache: writing twenty ranked
 * suppliers × eleven explained criteria into it and reading them back took ≈ 0.15 s of a throttled
 * main thread between the answer and the list, and no other page reads them. Shaped like
 * `useQuery`'s result (data, previousData while a re-rank is on its way, loading, error).
 */
export function useRanking(variables: MatchSuppliersQueryVariables) {
  const client = useApolloClient();
  const key = keyOf(variables);
  const [answer, setAnswer] = useState<Answer>();
  useEffect(() => {
    let current = true;
    const ask = () => client.query({ query: MatchSuppliersQuery, variables, fetchPolicy: 'no-cache' }).then((r) => r.data);
    const offer = takeOffered(key);
    (offer ? offer.then((data) => data ?? ask()) : ask()).then(
      (data) => current && setAnswer({ key, data }),
      (error: unknown) => current && setAnswer({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [client, key]); // `key` stands for `variables`
  const settled = answer?.key === key;
  return {
    data: settled ? answer.data : undefined,
    previousData: settled ? undefined : answer?.data,
    loading: !settled,
    error: settled ? answer.error : undefined,
  };
}
