import { useQuery } from '@apollo/client/react';
import { Autocomplete, Button, Group } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n/use-lang.js';
import { TaxonomySuggestionsQuery } from '../api/taxonomy.js';
import { toggleCode, updateSearch, type ListFilter, type SearchState } from '../search-state.js';

const SUGGESTION = /^(processes|certifications|zones):([A-Z0-9_]+)$/;

/**
 * One box for what the buyer needs, in any of the four languages. Typing offers processes,
 * certifications and zones from the taxonomy (labels and aliases); picking one adds it as a filter,
 * Enter searches the free text.
 */
export function SearchBox({ state, onChange }: { state: SearchState; onChange: (next: SearchState) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState(state.q);
  useEffect(() => setText(state.q), [state.q]);
  const [debounced] = useDebouncedValue(text.trim(), 200);
  const suggestions = useQuery(TaxonomySuggestionsQuery, {
    variables: { search: debounced, lang },
    skip: debounced.length < 2,
    context: { public: true },
  });
  const found = suggestions.data ?? suggestions.previousData;
  const groups = found
    ? (
        [
          ['processes', t('directory.facet.processes'), found.processes],
          ['certifications', t('directory.facet.certifications'), found.certifications],
          ['zones', t('directory.facet.zone'), found.zones],
        ] as const
      )
        .filter(([, , terms]) => terms.length > 0)
        .map(([filter, group, terms]) => ({
          group,
          items: terms.slice(0, 5).map((term) => ({ value: `${filter}:${term.code}`, label: term.label })),
        }))
    : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(updateSearch(state, { q: text }));
  };
  return (
    <form role="search" onSubmit={submit}>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Autocomplete
          style={{ flex: 1, minWidth: 0 }}
          label={t('directory.searchLabel')}
          placeholder={t('directory.searchPlaceholder')}
          value={text}
          onChange={(value) => {
            if (!SUGGESTION.test(value)) setText(value);
          }}
          data={debounced.length >= 2 ? groups : []}
          filter={({ options }) => options}
          onOptionSubmit={(value) => {
            const picked = SUGGESTION.exec(value);
            if (!picked) return;
            const filter = picked[1] as ListFilter;
            if (!state[filter].includes(picked[2]!)) onChange(toggleCode(updateSearch(state, { q: '' }), filter, picked[2]!));
            setText('');
          }}
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={320}
        />
        <Button type="submit">{t('directory.search')}</Button>
      </Group>
    </form>
  );
}
