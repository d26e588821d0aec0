import { Accordion, Checkbox, NativeSelect, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../i18n/format.js';
import { groupByRoot, type TreeTerm } from '../../../lib/taxonomy-tree.js';
import { useLang } from '../../../i18n/use-lang.js';
import { toggleCode, updateSearch, type ListFilter, type SearchState } from '../search-state.js';

export interface FacetValue {
  code: string;
  label: string;
  count: number;
}
export interface FacetData {
  field: string;
  values: FacetValue[];
}
/** The API's facet fields and the filters they set. */
export const FACET_FILTERS: Record<string, ListFilter> = {
  processes: 'processes',
  certifications: 'certifications',
  zone: 'zones',
  sectors: 'sectors',
  productGroups: 'productGroups',
  materials: 'materials',
};
const FACET_ORDER = ['processes', 'certifications', 'zone', 'sectors', 'productGroups', 'materials'] as const;
const EMPLOYEE_STEPS = [10, 50, 100, 250, 500];
const MAX_VALUES = 12;

export function FacetPanel({
  state,
  onChange,
  facets,
  processTree,
}: {
  state: SearchState;
  onChange: (next: SearchState) => void;
  facets: FacetData[];
  processTree: TreeTerm[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const byField = new Map(facets.map((facet) => [facet.field, facet.values]));
  const renderValues = (field: string, values: FacetValue[]) => {
    const filter = FACET_FILTERS[field]!;
    return values
      .slice(0, MAX_VALUES)
      .map((value) => (
        <Checkbox
          key={value.code}
          size="sm"
          checked={state[filter].includes(value.code)}
          onChange={() => onChange(toggleCode(state, filter, value.code))}
          label={`${value.label} (${formatNumber(lang, value.count)})`}
        />
      ));
  };
  return (
    <Stack gap="sm" component="section" aria-label={t('directory.filters')}>
      <Switch
        checked={state.verifiedOnly}
        onChange={(event) => onChange(updateSearch(state, { verifiedOnly: event.currentTarget.checked }))}
        label={t('directory.verifiedOnly')}
      />
      <NativeSelect
        label={t('directory.facet.minEmployees')}
        value={state.minEmployees ? String(state.minEmployees) : ''}
        onChange={(event) =>
          onChange(updateSearch(state, { minEmployees: event.currentTarget.value ? Number(event.currentTarget.value) : undefined }))
        }
        data={[
          { value: '', label: t('directory.facet.any') },
          ...EMPLOYEE_STEPS.map((n) => ({ value: String(n), label: `≥ ${formatNumber(lang, n)}` })),
        ]}
      />
      <Accordion multiple defaultValue={['processes', 'certifications']} variant="contained">
        {FACET_ORDER.filter((field) => (byField.get(field)?.length ?? 0) > 0).map((field) => (
          <Accordion.Item key={field} value={field}>
            <Accordion.Control>{t(`directory.facet.${field}`)}</Accordion.Control>
            <Accordion.Panel>
              <Stack gap={6}>
                {field === 'processes'
                  ? groupByRoot(byField.get(field)!, processTree).map((group) => (
                      <Stack key={group.root} gap={4}>
                        {group.root && (
                          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
                            {group.root}
                          </Text>
                        )}
                        {renderValues(field, group.items)}
                      </Stack>
                    ))
                  : renderValues(field, byField.get(field)!)}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
