import '@mantine/dates/styles.css';
import { DateInput } from '@mantine/dates';
import dayjs from 'dayjs';
import 'dayjs/locale/ja';
import 'dayjs/locale/ko';
import 'dayjs/locale/vi';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { DATE_INPUT_FORMATS, formatDate } from '../i18n/format.js';
import { useLang } from '../i18n/use-lang.js';
import { useTranslation } from 'react-i18next';

dayjs.extend(customParseFormat);

interface DateFieldProps {
  label: string;
  /** A calendar day, `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /**
   * Whether the field says how to write a day, with an example under its label ("e.g. 2026. 12. 31."):
   * false for a field that always holds a day, which shows the writing itself.
   */
  example?: boolean;
  minDate?: string;
  maxDate?: string;
  size?: 'xs' | 'sm' | 'md';
  /** Whether the day can be removed (an optional date): a clear button once one is set. */
  clearable?: boolean;
}

/**
 * A calendar day typed or picked in the page's language: shown and read as the reader writes dates
 * (`31/12/2026` in Vietnamese and English, `2026/12/31` in Japanese, `2026. 12. 31.` in Korean), with
 * the calendar's month and day names in that language, whatever the browser's own locale. The value
 * stays `YYYY-MM-DD`, as the API takes it. The example day is a hint under the label, never the empty
 * field's placeholder: grey digits in the box read as a day already filled in.
 */
export function DateField({ label, value, onChange, error, example = true, minDate, maxDate, size, clearable = true }: DateFieldProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const formats = DATE_INPUT_FORMATS[lang];
  return (
    <DateInput
      label={label}
      description={example ? t('app.calendar.example', { date: formatDate(lang, '2026-12-31') }) : undefined}
      error={error}
      size={size}
      locale={lang}
      valueFormat={formats[0]}
      dateParser={(input) => {
        const day = dayjs(input.trim(), [...formats, 'YYYY-MM-DD'], lang, true);
        return day.isValid() ? day.format('YYYY-MM-DD') : null;
      }}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      minDate={minDate}
      maxDate={maxDate}
      clearable={clearable}
      firstDayOfWeek={1}
      // the calendar's arrows named for screen readers; other months' days left out and weekends not in
      // light red (both too faint to read: axe, colour contrast); factories here deliver on Saturdays anyway
      previousLabel={t('app.calendar.previousMonth')}
      nextLabel={t('app.calendar.nextMonth')}
      hideOutsideDates
      weekendDays={[]}
      popoverProps={{ withinPortal: true }}
    />
  );
}
