import { useQuery } from '@apollo/client/react';
import { MultiSelect, Select, type ComboboxItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaxonomyKind } from '../gql/graphql.js';
import { useLang } from '../i18n/use-lang.js';
import { TaxonomyTermsQuery } from '../lib/taxonomy-terms.js';

interface PickerOptions {
  kind: TaxonomyKind;
  search: string;
  selected: string[];
}

/**
 * Options for a taxonomy picker: the whole vocabulary in the reader's language (for the labels of what
 * is picked), and while the member types, the API's matches on labels and aliases in any language, so
 * "切削", "phay" and "milling" all find CNC milling.
 */
function useTaxonomyOptions({ kind, search, selected }: PickerOptions) {
  const lang = useLang();
  const all = useQuery(TaxonomyTermsQuery, { variables: { kind, lang } });
  const pickedLabels = new Set((all.data?.taxonomy ?? []).filter((term) => selected.includes(term.code)).map((term) => term.label));
  // A single select shows the picked label in its search box: that is not a search.
  const [debounced] = useDebouncedValue(pickedLabels.has(search) ? '' : search.trim(), 200);
  const found = useQuery(TaxonomyTermsQuery, { variables: { kind, lang, search: debounced }, skip: debounced === '' });
  const labels = useMemo(() => new Map((all.data?.taxonomy ?? []).map((term) => [term.code, term.label])), [all.data]);
  const data = useMemo<ComboboxItem[]>(() => {
    const terms = debounced && found.data ? found.data.taxonomy : (all.data?.taxonomy ?? []);
    const items = terms.map((term) => ({ value: term.code, label: term.label }));
    // What is picked stays in the data, so its label shows even when the search does not list it.
    for (const code of selected)
      if (!items.some((item) => item.value === code)) items.push({ value: code, label: labels.get(code) ?? code });
    return items;
  }, [debounced, found.data, all.data, selected, labels]);
  // While searching, the API already chose and ordered the options; otherwise match labels here.
  const searching = debounced !== '' && found.data !== undefined;
  const filter: OptionsFilter | undefined = searching
    ? ({ options }) => options.filter((item) => 'value' in item && found.data.taxonomy.some((term) => term.code === item.value))
    : undefined;
  return { data, filter, loading: all.loading || found.loading };
}

interface MultiProps {
  kind: TaxonomyKind;
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  required?: boolean;
}

/**
 * A vocabulary picker (processes, materials…): its search box says only "Search…", which fits beside the
 * picked chips on a phone; that any of the four languages finds a term is its description.
 */
export function TaxonomyMultiPicker({ kind, label, value, onChange, error, required }: MultiProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, filter } = useTaxonomyOptions({ kind, search, selected: value });
  return (
    <MultiSelect
      label={label}
      description={t('sme.picker.hint')}
      placeholder={t('sme.picker.search')}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      hidePickedOptions
      nothingFoundMessage={t('sme.picker.nothingFound')}
      error={error}
      required={required}
      limit={50}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface SingleProps {
  kind: TaxonomyKind;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
}

export function TaxonomyPicker({ kind, label, value, onChange, error, required }: SingleProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const selected = useMemo(() => (value ? [value] : []), [value]);
  const { data, filter } = useTaxonomyOptions({ kind, search, selected });
  return (
    <Select
      label={label}
      placeholder={t('sme.picker.search')}
      data={data}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      clearable
      nothingFoundMessage={t('sme.picker.nothingFound')}
      error={error}
      required={required}
      limit={50}
    />
  );
}
