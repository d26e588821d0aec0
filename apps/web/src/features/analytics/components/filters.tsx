import { NativeSelect } from '@mantine/core';
import { DateField } from '../../../components/date-field.js';
import { useTranslation } from 'react-i18next';

/** From and to days (YYYY-MM-DD), typed or picked as the page's language writes dates; never empty, they show how to write one. */
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
      <DateField
        size="sm"
        label={t('analytics.from')}
        value={value.from}
        maxDate={value.to}
        clearable={false}
        example={false}
        onChange={(day) => day && onChange({ ...value, from: day })}
      />
      <DateField
        size="sm"
        label={t('analytics.to')}
        value={value.to}
        minDate={value.from}
        clearable={false}
        example={false}
        onChange={(day) => day && onChange({ ...value, to: day })}
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
