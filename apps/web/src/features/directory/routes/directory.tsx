import { useQuery } from '@apollo/client/react';
import { Button, Collapse, Grid, Stack, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { LazyMap } from '../../../components/lazy-map.js';
import type { MapPoint } from '../../../components/map-view.js';
import { getFragmentData } from '../../../gql/index.js';
import { loadLanguage } from '../../../i18n/instance.js';
import { useLang } from '../../../i18n/use-lang.js';
import { whenIdle } from '../../../lib/when-idle.js';
import { SearchSuppliersQuery, SupplierHitFragment } from '../api/search-suppliers.js';
import { DirectoryVocabularyQuery } from '../api/taxonomy.js';
import { FacetPanel } from '../components/facet-panel.js';
import { SearchBox } from '../components/search-box.js';
import { SearchResults } from '../components/search-results.js';
import { ActiveFilters, SearchToolbar } from '../components/search-toolbar.js';
import { searchInput, searchStateFromParams, searchStateToParams, type SearchState } from '../search-state.js';

/** The public supplier directory: the whole search state lives in the URL. */
export function DirectoryRoute() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => searchStateFromParams(params), [params]);
  const setState = (next: SearchState) => setParams(searchStateToParams(next));
  const wide = useMediaQuery('(min-width: 62em)', true);
  const [filtersOpen, filters] = useDisclosure(false);
  // the other pages' words (this page needs only the core): fetched while the browser is idle, so a
  // profile or a sign-in opened from here does not wait for them
  useEffect(() => whenIdle(() => void loadLanguage(lang, 'pages')), [lang]);
  const result = useQuery(SearchSuppliersQuery, { variables: { input: searchInput(state, lang), lang }, context: { public: true } });
  const vocabulary = useQuery(DirectoryVocabularyQuery, { variables: { lang }, context: { public: true } });
  const search = result.data?.searchSuppliers ?? result.previousData?.searchSuppliers;
  const zones = vocabulary.data?.zones ?? [];
  const labels = useMemo(
    () => new Map((search?.facets ?? []).flatMap((facet) => facet.values.map((value) => [value.code, value.label] as const))),
    [search],
  );
  const points = useMemo<MapPoint[]>(() => {
    if (!search || state.view !== 'map') return [];
    const hits = search.hits.map((hit) => getFragmentData(SupplierHitFragment, hit).supplier);
    const suppliers = hits.flatMap((s) =>
      s.location
        ? [
            {
              id: s.id,
              latitude: s.location.latitude,
              longitude: s.location.longitude,
              label: s.nameVi,
              kind: 'supplier' as const,
              href: `/${lang}/suppliers/${s.id}`,
            },
          ]
        : [],
    );
    const zoneCodes = new Set(hits.map((s) => s.zone?.code));
    const zonePoints = zones.flatMap((z) =>
      zoneCodes.has(z.code) && z.latitude != null && z.longitude != null
        ? [
            {
              id: z.code,
              latitude: z.latitude,
              longitude: z.longitude,
              label: `${t('directory.map.zone')}: ${z.label}`,
              kind: 'zone' as const,
            },
          ]
        : [],
    );
    return [...zonePoints, ...suppliers];
  }, [search, state.view, zones, lang, t]);
  const open = useCallback((href: string) => void navigate(href), [navigate]);
  const facetPanel = (
    <FacetPanel state={state} onChange={setState} facets={search?.facets ?? []} processTree={vocabulary.data?.processTree ?? []} />
  );
  return (
    <Stack gap="md" py="md">
      <Title order={1}>{t('directory.title')}</Title>
      <SearchBox state={state} onChange={setState} />
      <ActiveFilters state={state} onChange={setState} labels={labels} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          {wide ? (
            facetPanel
          ) : (
            <>
              <Button variant="default" fullWidth onClick={filters.toggle} aria-expanded={filtersOpen}>
                {t('directory.filters')}
              </Button>
              <Collapse expanded={filtersOpen}>
                <Stack pt="sm">{facetPanel}</Stack>
              </Collapse>
            </>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <SearchToolbar state={state} onChange={setState} zones={zones} />
            {state.view === 'map' && search && search.totalHits > 0 && (
              <LazyMap points={points} label={t('directory.map.title')} noTilesText={t('directory.map.noTiles')} onOpen={open} />
            )}
            <SearchResults state={state} onChange={setState} search={search} error={result.error} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
