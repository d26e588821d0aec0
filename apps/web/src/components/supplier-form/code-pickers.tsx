import { MultiSelect, type ComboboxItem, type ComboboxItemGroup, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMON_LANGUAGES, COMMON_MARKETS, COUNTRY_CODES, displayName, namedLanguageCodes } from '../../i18n/display-names.js';
import { LOCALE, type Lang } from '../../i18n/languages.js';
import { useLang } from '../../i18n/use-lang.js';
import { splitCodes } from './profile-form.js';

/** Lower case, without Vietnamese diacritics: "nhat" finds "Nhật Bản". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();

/** Matches an option by its name (any accents) or by its code typed whole ("jp"). */
const filter: OptionsFilter = ({ options, search }) => {
  const wanted = fold(search);
  const matches = (item: ComboboxItem) => fold(item.label).includes(wanted) || item.value.toLowerCase() === wanted;
  return options.flatMap((option): ComboboxParsedItem[] => {
    if (!('group' in option)) return matches(option) ? [option] : [];
    const items = option.items.filter((item): item is ComboboxItem => 'value' in item && matches(item));
    return items.length ? [{ ...option, items }] : [];
  });
};

type PickerMessage =
  `sme.picker.${'commonMarkets' | 'otherCountries' | 'searchCountry' | 'commonLanguages' | 'otherLanguages' | 'searchLanguage'}`;

/** What sets a country picker apart from a language picker. */
interface Kind {
  type: 'region' | 'language';
  /** Offered first. */
  common: string[];
  /** All the codes offered, common ones included. */
  all: (lang: Lang) => string[];
  /** The code as the API stores it. */
  normal: (code: string) => string;
  /** The messages of the two groups' names and of the placeholder. */
  keys: { common: PickerMessage; others: PickerMessage; placeholder: PickerMessage };
}

const COUNTRIES: Kind = {
  type: 'region',
  common: COMMON_MARKETS,
  all: () => COUNTRY_CODES.filter((code) => code !== 'VN'), // Vietnam itself is no export market
  normal: (code) => code.toUpperCase(),
  keys: { common: 'sme.picker.commonMarkets', others: 'sme.picker.otherCountries', placeholder: 'sme.picker.searchCountry' },
};

const LANGUAGES: Kind = {
  type: 'language',
  common: COMMON_LANGUAGES,
  all: namedLanguageCodes,
  normal: (code) => code.toLowerCase(),
  keys: { common: 'sme.picker.commonLanguages', others: 'sme.picker.otherLanguages', placeholder: 'sme.picker.searchLanguage' },
};

interface Props {
  label: string;
  /** The codes as the form keeps them: "JP, KR". */
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/**
 * Codes picked by name in the reader's language, in two groups each in the reader's order: the common
 * ones first, then all the others; a picked code outside both (stored before, or typed into an old
 * draft) keeps its place.
 */
function CodePicker({ kind, label, value, onChange, error }: Props & { kind: Kind }) {
  const { t } = useTranslation();
  const lang = useLang();
  const picked = splitCodes(value).map(kind.normal);
  const key = picked.join(' ');
  const data = useMemo<ComboboxItemGroup<ComboboxItem>[]>(() => {
    const collator = new Intl.Collator(LOCALE[lang]);
    const items = (codes: string[]) =>
      codes.map((code) => ({ value: code, label: displayName(lang, kind.type, code) })).sort((a, b) => collator.compare(a.label, b.label));
    const all = kind.all(lang);
    const others = [...all, ...(key ? key.split(' ') : []).filter((code) => !all.includes(code))].filter(
      (code) => !kind.common.includes(code),
    );
    return [
      { group: t(kind.keys.common), items: items(kind.common) },
      { group: t(kind.keys.others), items: items(others) },
    ];
  }, [lang, key, kind, t]);
  return (
    <MultiSelect
      label={label}
      placeholder={t(kind.keys.placeholder)}
      data={data}
      value={picked}
      onChange={(codes) => onChange(codes.join(', '))}
      searchable
      filter={filter}
      hidePickedOptions
      nothingFoundMessage={t('sme.picker.nothingFound')}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** Export markets by country name; stored as ISO 3166-1 alpha-2 codes, as the API checks them. */
export const CountryPicker = (props: Props) => <CodePicker kind={COUNTRIES} {...props} />;

/** Languages spoken by name; stored as ISO 639-1 codes. */
export const LanguagePicker = (props: Props) => <CodePicker kind={LANGUAGES} {...props} />;
