import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo } from 'react';
import type { TaxonomyKind } from '../gql/graphql.js';
import { useLang } from '../i18n/use-lang.js';
import { TaxonomyTermsQuery } from './taxonomy-terms.js';

/**
 * A code of one vocabulary as the reader calls it (`ISO_9001` → "ISO 9001", `TRANG_DUE` → "チャンズエ工業団地"):
 * the vocabulary comes once per language (the same cached query the taxonomy pickers use); until it
 * arrives, or for a code it does not know, the code itself.
 */
export function useTermLabels(kind: TaxonomyKind): (code: string) => string {
  const lang = useLang();
  const { data } = useQuery(TaxonomyTermsQuery, { variables: { kind, lang } });
  const labels = useMemo(() => new Map((data?.taxonomy ?? []).map((term) => [term.code, term.label])), [data]);
  return useCallback((code: string) => labels.get(code) ?? code, [labels]);
}
