import { Button, Group, NativeSelect, Pill, SegmentedControl, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EMPTY_SEARCH, LIST_PARAMS, SORTS, updateSearch, type ListFilter, type SearchState, type Sort } from '../search-state.js';

const RADII = [5, 10, 20, 50];

export function SearchToolbar({
  state,
  onChange,
  zones,
}: {
  state: SearchState;
  onChange: (next: SearchState) => void;
  zones: Array<{ code: string; label: string }>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('directory.nearZone')}
        value={state.nearZone ?? ''}
        onChange={(event) => onChange(updateSearch(state, { nearZone: event.currentTarget.value || undefined }))}
        data={[{ value: '', label: t('directory.facet.any') }, ...zones.map((zone) => ({ value: zone.code, label: zone.label }))]}
        style={{ maxWidth: 260 }}
      />
      {state.nearZone && (
        <NativeSelect
          label={t('directory.radius')}
          value={String(state.radiusKm)}
          onChange={(event) => onChange(updateSearch(state, { radiusKm: Number(event.currentTarget.value) }))}
          data={RADII.map((km) => ({ value: String(km), label: `${km} km` }))}
        />
      )}
      <NativeSelect
        label={t('directory.sort.label')}
        value={state.sort}
        onChange={(event) => onChange(updateSearch(state, { sort: event.currentTarget.value as Sort }))}
        data={SORTS.filter((sort) => sort !== 'DISTANCE' || state.nearZone).map((sort) => ({
          value: sort,
          label: t(`directory.sort.${sort}`),
        }))}
      />
      <div>
        <VisuallyHidden id="view-label">{t('directory.view.label')}</VisuallyHidden>
        <SegmentedControl
          aria-labelledby="view-label"
          value={state.view}
          onChange={(view) => onChange(updateSearch(state, { view: view }))}
          data={[
            { value: 'list', label: t('directory.view.list') },
            { value: 'map', label: t('directory.view.map') },
          ]}
        />
      </div>
    </Group>
  );
}

/** The filters in force, each removable, with their labels when the facets know them. */
export function ActiveFilters({
  state,
  onChange,
  labels,
}: {
  state: SearchState;
  onChange: (next: SearchState) => void;
  labels: Map<string, string>;
}) {
  const { t } = useTranslation();
  const active = (Object.keys(LIST_PARAMS) as ListFilter[]).flatMap((filter) => state[filter].map((code) => ({ filter, code })));
  if (active.length === 0 && !state.verifiedOnly && !state.minEmployees && !state.q) return null;
  return (
    <Group gap={6} wrap="wrap">
      {active.map(({ filter, code }) => (
        <Pill
          key={`${filter}:${code}`}
          withRemoveButton
          onRemove={() => onChange(updateSearch(state, { [filter]: state[filter].filter((c) => c !== code) }))}
          removeButtonProps={{ 'aria-label': `${t('directory.clearFilters')}: ${labels.get(code) ?? code}` }}
        >
          {labels.get(code) ?? code}
        </Pill>
      ))}
      <Button variant="subtle" size="compact-sm" onClick={() => onChange({ ...EMPTY_SEARCH, view: state.view })}>
        {t('directory.clearFilters')}
      </Button>
    </Group>
  );
}
