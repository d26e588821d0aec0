import { Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { taxCodeFeedback } from './tax-code.js';

interface Props {
  value: string;
  onChange: (value: string) => void;
  /** A message from the form's check or the API, shown instead of the live feedback. */
  error?: string;
  readOnly?: boolean;
}

/** The tax code with check-digit feedback as the member types (the API's rule, mirrored in tax-code.ts). */
export function TaxCodeInput({ value, onChange, error, readOnly }: Props) {
  const { t } = useTranslation();
  const feedback = taxCodeFeedback(value);
  let live: string | undefined;
  if (feedback.state === 'invalid') {
    live =
      feedback.problem === 'check-digit'
        ? feedback.expectedDigit === undefined
          ? t('sme.taxCode.noDigit')
          : t('sme.taxCode.check-digit', { digit: feedback.expectedDigit })
        : t(`sme.taxCode.${feedback.problem}`);
  }
  const description =
    feedback.state === 'valid'
      ? t('sme.taxCode.valid')
      : feedback.state === 'incomplete'
        ? t('sme.taxCode.incomplete', { digits: feedback.digits })
        : t('sme.taxCode.hint');
  return (
    <TextInput
      label={t('sme.field.taxCode')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={
        <Text component="span" size="xs" c="gray.7" aria-live="polite">
          {description}
        </Text>
      }
      error={error ?? live}
      required
      readOnly={readOnly}
      inputMode="numeric"
      autoComplete="off"
      maxLength={14}
    />
  );
}
