import { useQuery } from '@apollo/client/react';
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLang } from '../../../i18n/use-lang.js';
import { SearchSuppliersQuery } from '../api/search-suppliers.js';
import { SearchResults } from '../components/search-results.js';
import { searchInput, searchStateFromParams, searchStateToParams, type SearchState } from '../search-state.js';

export function DirectoryRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const state = searchStateFromParams(params);
  const setState = (next: SearchState) => setParams(searchStateToParams(next));
  const result = useQuery(SearchSuppliersQuery, { variables: { input: searchInput(state, lang), lang }, context: { public: true } });
  return (
    <Stack gap="md" py="md">
      <Title order={1}>{t('directory.title')}</Title>
      <SearchResults state={state} onChange={setState} search={result.data?.searchSuppliers ?? result.previousData?.searchSuppliers} error={result.error} />
    </Stack>
  );
}
