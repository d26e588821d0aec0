import { NativeSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** From and to days (YYYY-MM-DD); the browser's own date picker. */
export function DateRange({
  value,
  onChange,
}: {
  value: { from: string; to: string };
  onChange: (next: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        type="date"
        size="sm"
        label={t('analytics.from')}
        value={value.from}
        max={value.to}
        onChange={(e) => e.currentTarget.value && onChange({ ...value, from: e.currentTarget.value })}
      />
      <TextInput
        type="date"
        size="sm"
        label={t('analytics.to')}
        value={value.to}
        min={value.from}
        onChange={(e) => e.currentTarget.value && onChange({ ...value, to: e.currentTarget.value })}
      />
    </>
  );
}

/** A select over a few numbers or codes. */
export function Choice<T extends string | number>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: { value: T; label: string }[];
  onChange: (next: T) => void;
}) {
  return (
    <NativeSelect
      size="sm"
      label={label}
      value={String(value)}
      data={options.map((o) => ({ value: String(o.value), label: o.label }))}
      onChange={(e) => onChange(options.find((o) => String(o.value) === e.currentTarget.value)!.value)}
    />
  );
}
